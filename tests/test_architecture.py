"""The apps' layering (README, "Apps") holds for templates too.

import-linter checks the Python imports (`lint-imports`, run by `make test`) against the layers
in pyproject.toml; templates depend on apps through the tag libraries they load and the templates
they include or extend, which it cannot see. This test reads the same layers and checks those."""

import re
import tomllib
from pathlib import Path

import pytest

from django.apps import apps
from django.conf import settings
from django.template import engines

BASE_DIR = Path(settings.BASE_DIR)
CONFIG = tomllib.loads((BASE_DIR / "pyproject.toml").read_text())["tool"]["importlinter"]
LAYERS = next(c["layers"] for c in CONFIG["contracts"] if c["type"] == "layers")
# Position of each app in the layers, 0 at the top.
LAYER_OF = {app.strip(): depth for depth, layer in enumerate(LAYERS) for app in re.split(r"[|:]", layer)}
# The project's own templates (base.html, components) know no domain: they sit just above the
# site-wide features, as if they were one of them.
SITE_WIDE = next(depth for depth, layer in enumerate(LAYERS) if "navigation" in layer)

LOAD = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")
REFERENCE = re.compile(r"{%\s*(?:include|extends)\s+[\"']([\w-]+)/")


def our_templates():
    folders = {"bochum2015": BASE_DIR / "bochum2015" / "templates"}
    for config in apps.get_app_configs():
        if Path(config.path).parent == BASE_DIR:
            folders[config.label] = Path(config.path) / "templates"
    return [(app, path) for app, folder in folders.items() for path in sorted(folder.rglob("*.html"))]


def _module_of_library(name):
    # Django keeps the Library objects; the module that defined them is where their tags live.
    library = engines["django"].engine.template_libraries[name]
    tags = list(library.tags.values()) + list(library.filters.values())
    return tags[0].__module__.split(".")[0] if tags else ""


def test_the_layers_name_every_app_of_ours():
    ours = {config.label for config in apps.get_app_configs() if Path(config.path).parent == BASE_DIR}
    assert ours - {"bench", "demo"} <= set(LAYER_OF)


@pytest.mark.parametrize(("app", "template"), our_templates(), ids=lambda v: str(v).replace(str(BASE_DIR), ""))
def test_a_template_uses_only_its_own_layer_and_those_below(app, template):
    own = SITE_WIDE if app == "bochum2015" else LAYER_OF.get(app, 0)
    source = template.read_text()
    used = {}
    for libraries in LOAD.findall(source):
        for name in libraries.split():
            if name in engines["django"].engine.template_libraries:
                used[f"{{% load {name} %}}"] = _module_of_library(name)
    for folder in REFERENCE.findall(source):
        used[f"{folder}/…"] = folder
    wrong = {what: target for what, target in used.items() if target in LAYER_OF and LAYER_OF[target] < own}
    assert not wrong, f"{template.relative_to(BASE_DIR)} reaches up the layers: {wrong}"


def test_every_page_type_writes_its_title_and_lead_through_the_page_header_component():
    """One of each: the top of a page (title, lead, date, notice) is `components/page_header.html`;
    no template writes its own copy of it."""
    component = BASE_DIR / "bochum2015" / "templates" / "components" / "page_header.html"
    copies = [
        str(path.relative_to(BASE_DIR))
        for _app, path in our_templates()
        if path != component and '<header class="page-header' in path.read_text()
    ]
    assert copies == []


PYTEST = tomllib.loads((BASE_DIR / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]


def _ours():
    return {config.label for config in apps.get_app_configs() if Path(config.path).parent == BASE_DIR}


def test_make_test_runs_the_tests_of_every_app_of_ours():
    with_tests = {app for app in _ours() if (BASE_DIR / app / "tests").is_dir()}
    assert with_tests <= set(PYTEST["testpaths"]), "add the app to testpaths in pyproject.toml"


@pytest.mark.parametrize("category", ["DeprecationWarning", "PendingDeprecationWarning"])
def test_a_deprecation_raised_from_any_app_of_ours_fails_the_tests(category):
    patterns = [f.split(":")[3] for f in PYTEST["filterwarnings"] if f.startswith(f"error::{category}:")]
    assert patterns, f"pyproject.toml turns no {category} into an error"
    missing = {app for app in _ours() | {"bochum2015", "tests"} if not any(re.fullmatch(p, app) for p in patterns)}
    assert not missing, "add these apps to the filterwarnings in pyproject.toml"


# Demo content and benchmark tooling are data and scripts, not the site; migrations are generated.
NOT_RUNTIME = {"demo", "bench", "tests", "migrations", "locale", "templates", "static", "node_modules"}
MAX_LINES = 400


def runtime_modules():
    ours = [Path(c.path) for c in apps.get_app_configs() if Path(c.path).parent == BASE_DIR] + [
        BASE_DIR / "bochum2015"
    ]
    for folder in ours:
        for path in sorted(folder.rglob("*.py")):
            if not NOT_RUNTIME & set(path.relative_to(BASE_DIR).parts):
                yield path


def test_no_runtime_module_is_longer_than_400_lines():
    """A module a reader cannot hold in mind is two modules (issue 15)."""
    modules = list(runtime_modules())
    assert len(modules) > 50
    too_long = {str(p.relative_to(BASE_DIR)): n for p in modules if (n := len(p.read_text().splitlines())) > MAX_LINES}
    assert too_long == {}
