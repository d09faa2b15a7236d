"""The rules of rehab_site/caching.py, enforced: what goes into the shared cache, under
which key, and who may keep which page."""

import ast
import re
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.template import engines
from django.template.base import VariableNode
from django.template.defaulttags import CsrfTokenNode
from django.template.library import InclusionNode
from django.template.loader_tags import BlockNode, ExtendsNode, IncludeNode
from django.templatetags.cache import CacheNode
from django.test import Client

from tests.blog.factories import (
    ArticleFactory,
    CategoryFactory,
    PersonFactory,
    TagFactory,
)
from tests.factories import SiteSettingsFactory, StaffFactory
from tests.programs.factories import ProgramFactory

PROJECT_ROOT = Path(__file__).resolve().parents[2]
OUR_PACKAGES = {
    "rehab_site",
    "website",
    "editing",
    "staff_access",
    "dashboard",
    "blog",
    "programs",
    "accreditations",
    "admissions",
    "insurance_verification",
    "linkcheck",
    "tests",
    "bench",
}
# Names a cached fragment must never render: they differ per visitor.
PER_VISITOR_NAMES = re.compile(
    r"^(csrf_token|request\.user|user|perms|messages|CSP_NONCE|request\.csp_nonce|request\.COOKIES|request\.session)\b"
)


def project_templates() -> list[str]:
    names = []
    for directory in [
        *settings.TEMPLATES[0]["DIRS"],
        *(PROJECT_ROOT / app / "templates" for app in OUR_PACKAGES),
    ]:
        directory = Path(directory)
        names += [
            str(path.relative_to(directory))
            for path in directory.rglob("*.html")
            if path.is_file()
        ]
    return sorted(set(names))


def nodes_of(template_name: str):
    return engines["django"].engine.get_template(template_name).nodelist


def cache_nodes() -> list[tuple[str, CacheNode]]:
    return [
        (name, node)
        for name in project_templates()
        for node in nodes_of(name).get_nodes_by_type(CacheNode)
    ]


def inheritance_chain(template_name: str) -> list[str]:
    """The template and those it extends, ours only: a template that extends the stock one
    of the same name (admin/index.html, say) ends the chain there."""
    chain = [template_name]
    while extends := nodes_of(chain[-1]).get_nodes_by_type(ExtendsNode):
        parent = extends[0].parent_name.var
        if not isinstance(parent, str) or parent in chain:
            break
        chain.append(parent)
    return chain


def fragments_as_rendered() -> list:
    """Each template's cached fragments, with the blocks that it or a template between it
    and the fragment's own template puts inside them: [(template, [nodelist, ...])]."""
    fragments = []
    for name in project_templates():
        chain = inheritance_chain(name)
        overrides = {}
        for template_name in chain:
            for extends in nodes_of(template_name).get_nodes_by_type(ExtendsNode):
                for block_name, block in extends.blocks.items():
                    overrides.setdefault(block_name, block)
        for template_name in chain:
            for node in nodes_of(template_name).get_nodes_by_type(CacheNode):
                inner = node.nodelist.get_nodes_by_type(BlockNode)
                label = f"{name} ({template_name})"
                fragments.append(
                    pytest.param(
                        label,
                        [node.nodelist]
                        + [
                            overrides[block.name].nodelist
                            for block in inner
                            if block.name in overrides
                        ],
                        # The same name in every test process (pytest-xdist compares).
                        id=f"{label}: {node.fragment_name} #{len(fragments)}",
                    )
                )
    return fragments


def per_visitor_parts(nodelist, seen=()) -> list[str]:
    """What in `nodelist`, and in the templates it includes by name or through inclusion
    tags, differs per visitor."""
    found = ["{% csrf_token %}" for _ in nodelist.get_nodes_by_type(CsrfTokenNode)]
    found += [
        node.filter_expression.token
        for node in nodelist.get_nodes_by_type(VariableNode)
        if PER_VISITOR_NAMES.match(node.filter_expression.token)
    ]
    included = [
        node.template.var
        for node in nodelist.get_nodes_by_type(IncludeNode)
        if isinstance(node.template.var, str)
    ] + [
        node.filename
        for node in nodelist.get_nodes_by_type(InclusionNode)
        if isinstance(node.filename, str)
    ]
    for name in included:
        if name not in seen:
            found += [
                f"{name}: {part}"
                for part in per_visitor_parts(nodes_of(name), (*seen, name))
            ]
    return found


def test_there_are_cached_fragments_to_check():
    assert len(cache_nodes()) >= 8


@pytest.mark.parametrize(
    ("template_name", "node"),
    [
        pytest.param(name, node, id=f"{name}: {node.fragment_name}")
        for name, node in cache_nodes()
    ],
)
def test_every_cached_fragment_is_keyed_by_the_content_and_the_site(
    template_name, node
):
    assert node.expire_time_var.token == "fragments.ttl", template_name
    assert node.vary_on and node.vary_on[0].token == "fragments.key", template_name
    assert node.cache_name is None, template_name


@pytest.mark.parametrize(
    ("template_name", "nodelists"),
    fragments_as_rendered(),
)
def test_no_cached_fragment_holds_anything_that_differs_per_visitor(
    template_name, nodelists
):
    assert [
        part for nodelist in nodelists for part in per_visitor_parts(nodelist)
    ] == []


def python_files() -> list[Path]:
    return [
        path
        for path in PROJECT_ROOT.rglob("*.py")
        if not any(part in {".venv", "node_modules", "var"} for part in path.parts)
        and path != Path(__file__)  # its own sample below
    ]


def private_names_used(path: Path) -> list[str]:
    """Underscore names imported from, or reached into, anything that is not ours."""
    tree = ast.parse(path.read_text(), str(path))
    private = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0:
            ours = node.module.split(".")[0] in OUR_PACKAGES
            for alias in node.names:
                if not ours and _is_private(alias.name):
                    private.append(f"{node.module}.{alias.name}")
            if not ours and any(_is_private(part) for part in node.module.split(".")):
                private.append(node.module)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if any(_is_private(part) for part in alias.name.split(".")):
                    private.append(alias.name)
        elif isinstance(node, ast.Attribute) and node.attr.startswith("_csp"):
            private.append(node.attr)
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and node.value.startswith("_csp")
        ):
            private.append(node.value)
    return private


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def test_no_module_imports_a_private_name_of_django_or_a_library():
    used = {
        str(path.relative_to(PROJECT_ROOT)): names
        for path in python_files()
        if (names := private_names_used(path))
    }

    assert used == {}


def test_the_check_above_sees_a_private_import():
    sample = PROJECT_ROOT / "var" / "private_import_sample.py"
    sample.parent.mkdir(exist_ok=True)
    sample.write_text(
        "from django.core.cache.backends.redis import _private\n"
        "from csp.middleware import CSPMiddleware\n"
        "nonce = getattr(request, '_csp_nonce', None)\n"
    )
    try:
        assert private_names_used(sample) == [
            "django.core.cache.backends.redis._private",
            "_csp_nonce",
        ]
    finally:
        sample.unlink()


# -- behaviour, with Redis as in production ------------------------------------------------


@pytest.fixture
def redis_db(redis_for_every_cache):
    return redis.Redis.from_url(settings.CACHES["default"]["LOCATION"])


@pytest.fixture
def content(db):
    SiteSettingsFactory()
    program = ProgramFactory(slug="detox")
    articles = ArticleFactory.create_batch(
        12,
        authors=[PersonFactory()],
        categories=[CategoryFactory()],
        tags=[TagFactory()],
    )
    return {"program": program, "article": articles[0]}


def returning_visitor() -> Client:
    """A visitor who has been here before: which changes nothing (no page sets a cookie)."""
    client = Client()
    client.get("/")
    return client


def public_pages() -> list[str]:
    """Every public page the sitemaps list, and a list's second page."""
    from rehab_site.urls import sitemaps

    paths = {"/", "/blog/?page=2"}
    for section in sitemaps.values():
        sitemap = section() if isinstance(section, type) else section
        paths.update(sitemap.location(item) for item in sitemap.items())
    return sorted(paths)


def test_query_strings_a_page_does_not_read_make_no_cache_entries(content, redis_db):
    """A cache key is made of what a page reads (its address, the page number), never of
    the rest of the query string: on every public page, campaign tags and junk added by
    anyone make no entry."""
    visitor = returning_visitor()
    article = content["article"]
    lists = [*article.categories.all(), *article.tags.all(), *article.authors.all()]
    paths = public_pages() + [item.get_absolute_url() for item in lists]
    assert len(paths) > 20
    for path in paths:
        visitor.get(path)
    keys = redis_db.dbsize()

    for number in range(5):
        for path in paths:
            junk = f"{'&' if '?' in path else '?'}utm_source=x{number}&junk={number}"
            assert visitor.get(path + junk).status_code == 200, path

    assert redis_db.dbsize() == keys


def test_addresses_that_are_no_live_page_make_no_cache_entries(content, redis_db):
    """Each kind of page keeps one list of its live addresses; a made-up one adds nothing."""
    visitor = returning_visitor()
    prefixes = ("/treatment/", "/addictions/", "/who-we-help/", "/areas-we-serve/", "/")
    for prefix in prefixes:
        visitor.get(f"{prefix}first-made-up-address/")
    keys = redis_db.dbsize()

    for number in range(50):
        for prefix in prefixes:
            assert visitor.get(f"{prefix}not-a-page-{number}/").status_code == 404

    assert redis_db.dbsize() == keys


def test_each_host_and_scheme_has_its_own_fragments(content, settings, redis_cache):
    settings.ALLOWED_HOSTS = ["www.example.org", "other.example.org"]
    path = content["article"].get_absolute_url()

    Client().get(path, HTTP_HOST="other.example.org")
    plain = Client().get(path, HTTP_HOST="www.example.org").content.decode()
    secure = Client().get(path, HTTP_HOST="www.example.org", secure=True)

    assert f'href="http://www.example.org{path}"' in plain
    assert "other.example.org" not in plain
    assert f'href="https://www.example.org{path}"' in secure.content.decode()


def test_signed_in_staff_neither_read_nor_fill_the_shared_cache(
    content, redis_db, client
):
    staff = StaffFactory(is_superuser=True)
    client.force_login(staff)
    keys = redis_db.dbsize()

    client.get("/treatment/detox/")
    assert redis_db.dbsize() == keys  # the staff member's page filled nothing
    Client().get("/treatment/detox/")
    assert redis_db.dbsize() > keys  # the visitor's did
    assert "private" in client.get("/blog/")["Cache-Control"]


def test_text_in_an_article_is_never_replaced_by_anyones_token(content, client):
    placeholder = "__csrf_token_for_this_visitor__"
    article = ArticleFactory(
        body=f'<p><a href="https://evil.example/?t={placeholder}">link</a></p>'
    )
    client.force_login(StaffFactory(is_superuser=True))

    html = client.get(article.get_absolute_url()).content.decode()

    assert placeholder in html


def test_forms_carry_no_token_and_every_visitor_gets_the_same_page(
    content, redis_cache
):
    for path in ["/treatment/detox/", "/admissions/"]:
        first, second = Client().get(path), Client().get(path)
        assert first.content == second.content, path
        assert not re.search(
            r'name="(?:csrfmiddlewaretoken|form_key)" value="[^"]',
            second.content.decode(),
        ), path
        assert second["Cache-Control"].startswith("public"), path


def test_who_may_keep_which_page(content, client):
    visitor = returning_visitor()
    public = visitor.get("/blog/")
    first_visit = Client().get("/blog/")
    admissions = Client().get("/admissions/")
    health = visitor.get("/healthz")
    not_found = visitor.get("/blog/no-such-article/")
    client.force_login(StaffFactory(is_superuser=True))
    admin = client.get("/admin/")
    staff_public = client.get("/blog/")

    assert public["Cache-Control"] == f"public, max-age={settings.PUBLIC_MAX_AGE}"
    assert "Cookie" not in public.get("Vary", "")
    for page in (first_visit, admissions):
        assert page["Cache-Control"] == public["Cache-Control"]
    for private in (health, admin):
        assert "no-store" in private["Cache-Control"]
        assert "private" in private["Cache-Control"]
    assert not_found["Cache-Control"] == "private"
    assert "private" in staff_public["Cache-Control"]
