"""pytest-xdist's ``load`` scheduling with a lane for the tests that mostly wait.

A browser test keeps its process waiting on Chromium most of the time (chromedriver, the
browser, the page's own timers), and the topology, worker and mail-crash tests wait on the
processes they start. Dealt out like the others, they ran in both processes at once at the
start of the run, and the machine was ~20 % idle for the two minutes they lasted. Here the
first process takes those tests while any are left, the others take every other test, and
``dev.py test`` starts one process more than there are cores: the processes that keep the CPU
busy always have a core, and the waiting one takes what is left over. Apart from which process
takes which test, this is ``--dist load`` as it is: the same chunks, the same refills, and a
process with nothing left in its lane takes from the other one.

Measured on the 2-core VM, the whole suite in one hour (tests/README.md, "A lane for the
tests that wait"): two processes without lanes 255–259 s, two with lanes 251–254 s, three with
lanes 244 s, the machine 98–99 % busy from the 10th second to the last."""

from xdist.scheduler import LoadScheduling

#: The tests that mostly wait: on Chromium, or on the child processes they start (Celery
#: workers, gunicorn, PgBouncer, Dovecot) and their timers.
WAITING = ("tests/browser/", "tests/topology/", "tests/test_platform.py", "tests/test_celery_worker.py",
           "mail/tests/test_imap_crash.py", "monitoring/tests/test_worker.py")


class WaitingLaneScheduling(LoadScheduling):
    def _send_tests(self, node, num: int) -> None:
        lane = node is self.nodes[0]
        chosen = []
        for index in self.pending:
            if self.collection[index].startswith(WAITING) == lane:
                chosen.append(index)
                if len(chosen) == num:
                    break
        chosen = chosen or self.pending[:num]
        if not chosen:
            return
        for index in chosen:
            self.pending.remove(index)
        self.node2pending[node].extend(chosen)
        node.send_runtest_some(chosen)
