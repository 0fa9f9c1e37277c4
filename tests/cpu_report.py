"""Sum the CPU per test that ``TEST_CPU_REPORT=<file>`` wrote (see conftest.py).

python tests/cpu_report.py /tmp/cpu.tsv*            totals, by phase and by app, the costliest tests
python tests/cpu_report.py --top 40 /tmp/cpu.tsv*
"""

import argparse
from collections import defaultdict


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="+")
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args()
    per_test: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for name in args.files:
        with open(name, encoding="utf-8") as report:
            for line in report:
                nodeid, phase, seconds = line.rstrip("\n").split("\t")
                per_test[nodeid][phase] += float(seconds)
    phases = defaultdict(float)
    apps: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
    for nodeid, times in per_test.items():
        for phase, seconds in times.items():
            phases[phase] += seconds
        app = "(session end)" if nodeid.startswith("(") else nodeid.split("/")[0]
        apps[app][0] += 1
        apps[app][1] += sum(times.values())
    total = sum(phases.values())
    # "(session end: …)" is not a test: the session fixtures' children (conftest.SESSION_END).
    tests = sum(1 for nodeid in per_test if not nodeid.startswith("("))
    print(
        f"{tests} tests, {total:.1f} s CPU ({1000 * total / max(tests, 1):.0f} ms a test): "
        + ", ".join(f"{phase} {seconds:.1f} s" for phase, seconds in sorted(phases.items()))
    )
    for app, (count, seconds) in sorted(apps.items(), key=lambda kv: -kv[1][1]):
        print(f"  {app:18} {count:5} tests {seconds:8.1f} s  {1000 * seconds / count:6.0f} ms a test")
    print(f"the {args.top} costliest:")
    for nodeid, times in sorted(per_test.items(), key=lambda kv: -sum(kv[1].values()))[: args.top]:
        print(f"  {sum(times.values()):7.2f} s  {nodeid}")


if __name__ == "__main__":
    main()
