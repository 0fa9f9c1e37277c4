"""The one build step pyproject.toml cannot express.

The project-level ``templates/``, ``static/`` and ``locale/`` folders sit beside the packages,
not inside one, so package data cannot name them. A built wheel (``pip wheel .``,
``pip install .``) therefore carries a copy of them inside the project package, in
``servicedesk/_project/``, where the settings look first (``servicedesk/settings/base.py``).
An editable install (``pip install -e .``, used by ``dev.py``) makes no copy: the settings
then find the folders in the checkout, next to the package. Everything else about the
package is declared in pyproject.toml.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
# Folder in the checkout -> which of its files a built copy needs at run time.
PROJECT_FOLDERS = {"templates": "**/*", "static": "**/*", "locale": "**/*.mo"}
PACKAGED = Path("servicedesk", "_project")


class BuildPy(build_py):
    """build_py, plus a copy of the project-level folders into ``servicedesk/_project/``."""

    def _project_files(self) -> list[tuple[Path, Path]]:
        pairs = []
        for folder, pattern in PROJECT_FOLDERS.items():
            if not (ROOT / folder).is_dir():  # e.g. an sdist built without MANIFEST.in
                raise FileNotFoundError(f"{ROOT / folder} is missing: the wheel would lack it")
            for source in sorted((ROOT / folder).glob(pattern)):
                inner = source.relative_to(ROOT / folder).parts
                # Caches and hidden files (.keep) are left out; Django skips them too.
                if source.is_file() and not any(part.startswith((".", "__pycache__")) for part in inner):
                    pairs.append((source, Path(self.build_lib, PACKAGED, folder, *inner)))
        return pairs

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for source, target in self._project_files():
            self.mkpath(str(target.parent))
            self.copy_file(str(source), str(target), preserve_mode=False)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = super().get_outputs(include_bytecode)
        if getattr(self, "editable_mode", False):
            return outputs
        return [*outputs, *(str(target) for _, target in self._project_files())]


setup(cmdclass={"build_py": BuildPy})
