"""Every page of the admin, found from the URL resolver and filled in with real rows.

Used by the walk that asks for every page as every role
(tests/rehab_site/test_admin_every_page.py) and by the accessibility check that opens each
page in Chromium (tests/e2e/test_admin_accessibility.py).

No page is listed by hand. Every URL pattern under the admin's prefix becomes one or more
pages: Django's own, those of each registered model's admin (apps and libraries alike:
reversion's history views, django-otp's device pages, axes' logs) and the project's views
mounted under the admin. What is written here is what each *kind* of view needs: who may use
it, asked of the admin's own permission methods (`has_view_permission` and the rest), what it
is filled in with, and how it answers. A pattern of a kind not described here, or one that
cannot be filled in from the rows in the database, is a problem that names it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

import reversion
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import Client, RequestFactory, override_settings
from django.urls import Resolver404, URLResolver, get_resolver, resolve, reverse
from django.views.generic import RedirectView
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from reversion.models import Version

from blog.models import Article
from editing.publishing import Status
from linkcheck.checker import check_all_links
from staff_access.models import EnrolmentLink
from tests.factories import PASSWORD, StaffFactory
from tests.insurance_verification.helpers import card, photo_bytes, verification_post
from website.models import Menu, MenuItem

ADMIN = settings.ADMIN_URL

# The roles, least privileged first: a page is opened in the browser as the first that may.
NO_GROUP = "staff without a group"
ADMISSIONS = "admissions"
MARKETING = "marketing"
SUPERUSER = "superuser"
ROLES = [NO_GROUP, ADMISSIONS, MARKETING, SUPERUSER]


# What the day at the center leaves behind ------------------------------------------------


@dataclass
class Center:
    """The demo center after a day of staff work: a row of every kind the admin lists."""

    staff: dict  # role -> user, each with the suite's password (PASSWORD)
    second_factors: dict  # role -> the user's authenticator app (a TOTPDevice)
    enrolment_code: str  # of the link issued to the staff member without a group


def a_day_at_the_center() -> Center:
    """On the demo content (tests/conftest.py's `demo`, already in place), what a working
    day adds to it, done the way staff
    and visitors do it wherever that is cheap, so every registered model has rows:
    a visitor's insurance verification with both card photos, the admissions queue opened
    (the access log), an image uploaded from the editor, a published article renamed (a
    redirect), a second version of every versioned row and a deleted one of each kind that
    has several (compare and recover), a broken link found by the checker, an enrolment
    link issued, a mistyped password (axes), and a second factor for every staff member."""
    staff = _staff_accounts()
    _visitor_sends_an_insurance_verification()
    _admissions_open_the_queue(staff[ADMISSIONS])
    _marketing_uploads_an_editor_image(staff[MARKETING])
    _marketing_edits_every_kind_of_content(staff[MARKETING])
    _a_director_deletes_one_of_each_kind()
    _the_link_checker_finds_a_broken_link()
    _, code = EnrolmentLink.issue(staff[NO_GROUP], issued_by=staff[SUPERUSER])
    _someone_mistypes_a_password(staff[SUPERUSER])
    devices = {role: _second_factor(user) for role, user in staff.items()}
    return Center(staff=staff, second_factors=devices, enrolment_code=code)


def _staff_accounts() -> dict:
    """The demo's administrator, marketing and admissions users, and a new staff member
    in no group, all with the suite's password."""
    User = get_user_model()
    staff = {
        SUPERUSER: User.objects.get(username="admin"),
        MARKETING: User.objects.get(username="marketing"),
        ADMISSIONS: User.objects.get(username="admissions"),
    }
    for user in staff.values():
        user.set_password(PASSWORD)
        user.save()
    staff[NO_GROUP] = StaffFactory(username="frontdesk", first_name="Sam")
    return staff


def _second_factor(user) -> TOTPDevice:
    """An authenticator app and recovery codes, as enrolment leaves them."""
    recovery = StaticDevice.objects.create(user=user, name="Recovery codes")
    recovery.token_set.create(token=StaticToken.random_token())
    return TOTPDevice.objects.create(
        user=user, name="Authenticator app", confirmed=True
    )


def _visitor_sends_an_insurance_verification() -> None:
    response = Client().post(
        reverse("insurance_verification:verify_insurance"),
        {
            **verification_post(),
            "card_front": card("front.jpg"),
            "card_back": card("back.jpg"),
        },
    )
    assert response.status_code == 302, "the insurance verification was not stored"


def _admissions_open_the_queue(user) -> None:
    client = Client()
    client.force_login(user)
    response = client.get(reverse("admin:admissions_inquiry_changelist"))
    assert response.status_code == 200, "the admissions queue did not open"


def _marketing_uploads_an_editor_image(user) -> None:
    client = Client()
    client.force_login(user)
    upload = SimpleUploadedFile(
        "lodge.png", photo_bytes("PNG"), content_type="image/png"
    )
    response = client.post(reverse("editor_image_upload"), {"upload": upload})
    assert response.status_code == 200, response.content


def _marketing_edits_every_kind_of_content(user) -> None:
    """Each versioned kind's first row is saved again (a second version to compare); a
    published article is renamed on the way, which leaves a redirect behind."""
    for model_admin in versioned_admins():
        row = first_rows(model_admin).first()
        assert row is not None, f"no {model_admin.opts.label} in the demo to edit"
        if isinstance(row, Article) and row.status == Status.PUBLISHED:
            row.slug = f"{row.slug}-revised"
        with reversion.create_revision():
            row.save()
            reversion.set_user(user)
            reversion.set_comment("Checked the wording.")


def _a_director_deletes_one_of_each_kind() -> None:
    """The newest row of each versioned kind with more than one: recoverable from its
    versions. A one-row kind (site settings, the home page) keeps its row."""
    for model_admin in versioned_admins():
        rows = first_rows(model_admin)
        if rows.count() > 1:
            rows.last().delete()


def _the_link_checker_finds_a_broken_link() -> None:
    menu = Menu.objects.order_by("pk").first()
    MenuItem.objects.create(menu=menu, label="Tour (2019)", url="/tour-2019/", order=99)
    check_all_links()


def _someone_mistypes_a_password(user) -> None:
    """A sign-in (axes' access log), then a mistyped password (an attempt and a failure,
    logged as with AXES_ENABLE_ACCESS_FAILURE_LOG on)."""
    with override_settings(AXES_ENABLED=True, AXES_ENABLE_ACCESS_FAILURE_LOG=True):
        for password in (PASSWORD, "not-the-password"):
            Client().post(
                reverse("admin:login"),
                {"username": user.username, "password": password},
            )


# What the admin lists --------------------------------------------------------------------


def registered_models() -> list:
    return [model for model in apps.get_models() if admin.site.is_registered(model)]


def first_rows(model_admin):
    """The rows the admin lists, oldest first (as an administrator sees them)."""
    return model_admin.get_queryset(as_administrator()).order_by("pk")


def versioned_admins() -> list:
    return [
        admin.site.get_model_admin(model)
        for model in registered_models()
        if reversion.is_registered(model)
    ]


def request_as(user, path: str = f"/{ADMIN}"):
    request = RequestFactory().get(path)
    request.user = user
    return request


def as_administrator():
    """A request of the center's administrator, the demo's superuser."""
    return request_as(get_user_model().objects.get(username="admin"))


def models_without_rows() -> list[str]:
    return [
        model._meta.label
        for model in registered_models()
        if not first_rows(admin.site.get_model_admin(model)).exists()
    ]


class Unfillable(Exception):
    """A pattern that cannot be filled in from the rows in the database."""


@dataclass
class Rows:
    """What the pages of one model's admin are filled in with."""

    model_admin: admin.ModelAdmin
    row: models.Model | None  # the first row: its change form, history, delete page...
    versions: list  # the row's versions, newest first
    deleted: Version | None  # a version of a row that was deleted

    @classmethod
    def of(cls, model_admin) -> "Rows":
        model = model_admin.model
        row = first_rows(model_admin).first()
        if not reversion.is_registered(model):
            return cls(model_admin, row, [], None)
        versions = list(Version.objects.get_for_object(row)) if row else []
        deleted = Version.objects.get_deleted(model).first()
        return cls(model_admin, row, versions, deleted)

    @property
    def prefix(self) -> str:
        """Of the model's URL names: app label and model name."""
        opts = self.model_admin.opts
        return f"{opts.app_label}_{opts.model_name}"

    # What the pages are filled in with; each says what is missing when it cannot.

    def first_row(self) -> models.Model:
        if self.row is None:
            raise Unfillable("no row of this model in the database")
        return self.row

    def object_id(self) -> list:
        return [quote(self.first_row().pk)]

    def primary_key(self) -> list:
        return [self.first_row().pk]

    def object_and_version(self) -> list:
        if not self.versions:
            raise Unfillable("its first row has no version")
        return [*self.object_id(), self.versions[0].pk]

    def two_versions(self) -> dict:
        if len(self.versions) < 2:
            raise Unfillable("its first row has fewer than two versions to compare")
        return {"version_id1": self.versions[1].pk, "version_id2": self.versions[0].pk}

    def deleted_version(self) -> list:
        if self.deleted is not None:
            return [self.deleted.pk]
        if self.model_admin.has_add_permission(as_administrator()):
            raise Unfillable("no deleted row with a version to recover")
        # Nobody may add one (site settings, the home page: one row each, kept), so none
        # was deleted; its row's version stands in, which nobody may recover either.
        return [self.object_and_version()[1]]

    def card_front(self) -> list:
        return [*self.object_id(), "front"]


# Who may use each kind of view: the admin's own permission methods, for the user asking.
# `subject` is what the page is about: the model's Rows for a model's views.


def may_list(request, rows):
    return rows.model_admin.has_view_or_change_permission(request)


def may_view(request, rows):
    return rows.model_admin.has_view_or_change_permission(request, rows.row)


def may_change(request, rows):
    return rows.model_admin.has_change_permission(request, rows.row)


def may_change_some(request, rows):
    return rows.model_admin.has_change_permission(request)


def may_add(request, rows):
    return rows.model_admin.has_add_permission(request)


def may_delete(request, rows):
    return rows.model_admin.has_delete_permission(request, rows.row)


def may_list_deleted(request, rows):
    # reversion's list of deleted rows: adding them back, and changing.
    return may_add(request, rows) and may_change_some(request, rows)


def may_recover(request, rows):
    # A deleted row in the form: adding it back, and seeing it.
    return may_add(request, rows) and may_list(request, rows)


def may_open_app(request, app_label):
    return bool(admin.site.get_app_list(request, app_label))


def may_search(request, searched_admin):
    # Django's autocomplete asks the admin of the model searched.
    return searched_admin.has_view_permission(request)


def is_staff(request, subject=None):
    return request.user.is_active and request.user.is_staff


def nobody(request, subject=None):
    return False


def has_perm(permission: str):
    def check(request, subject=None):
        return request.user.has_perm(permission)

    return check


def no_arguments(subject) -> list:
    return []


@dataclass(frozen=True)
class Kind:
    """One kind of admin view.

    `allowed(request, subject)` says whether the request's user may use it. Someone who may
    gets a page (200), or, where the view is built to send them on, a redirect to one of
    `redirects_to` (URL names; "{model}" stands for the model's prefix); a POST-only view
    answers their GET with 405 and is not posted to, since a post changes data. Anyone else
    gets `denied_status`: 403, or 404 where Django answers so by design. `arguments` and
    `query` fill the URL in from the subject (a model's Rows, or the Center).
    """

    allowed: Callable
    arguments: Callable = no_arguments
    query: Callable | None = None
    redirects_to: tuple[str, ...] = ()
    post_only: bool = False
    denied_status: int = 403
    moved: bool = False  # an old address, sent on for good (301) to `redirects_to`


# The views of a model's admin, by the end of their URL name (<app>_<model>_<end>).
MODEL_VIEWS = {
    # A one-row model's list opens its row (or the form to add it).
    "changelist": Kind(
        may_list, redirects_to=("admin:{model}_change", "admin:{model}_add")
    ),
    "add": Kind(may_add),
    "change": Kind(may_view, Rows.object_id),
    "history": Kind(may_view, Rows.object_id),
    "delete": Kind(may_delete, Rows.object_id),
    # reversion and reversion-compare: comparing versions, a version in the form, deleted
    # rows and one of them in the form. Each needs what the history needs.
    "compare": Kind(may_view, Rows.object_id, query=Rows.two_versions),
    "revision": Kind(may_view, Rows.object_and_version),
    "recoverlist": Kind(may_list_deleted),
    "recover": Kind(may_recover, Rows.deleted_version),
    # editing.content_admin: one click brings a version back (posted from the history).
    "restore": Kind(may_change, Rows.object_and_version, post_only=True),
    # editing.editor_aids: a preview is posted from the form; a GET goes to the list.
    "preview_add": Kind(may_add, redirects_to=("admin:{model}_changelist",)),
    "preview": Kind(
        may_change, Rows.object_id, redirects_to=("admin:{model}_changelist",)
    ),
    # editing.editor_aids: the side panel's checklist of the form as typed, posted.
    "advice_add": Kind(may_add, post_only=True),
    "advice": Kind(may_change, Rows.object_id, post_only=True),
    # editing.drafts: publishing or discarding a draft change, posted from the form.
    "draft_publish": Kind(may_change, Rows.object_id, post_only=True),
    "draft_discard": Kind(may_change, Rows.object_id, post_only=True),
    # admissions: the queue's search (posted, so no personal term is in a URL), "assign
    # to me", and a verification's card photo.
    "search": Kind(may_list, post_only=True),
    "assign": Kind(may_change_some, post_only=True),
    # linkcheck: the broken-link report's "Check now" (posted: it queues a check).
    "check_now": Kind(may_list, post_only=True),
    # pictures: the library's chooser (opened in a dialog) and its upload, posted.
    "choose": Kind(may_list),
    "choose_upload": Kind(may_add, post_only=True),
    "card": Kind(may_view, Rows.card_front),
    # django.contrib.auth: a user's password form; django-otp: an authenticator's setup.
    "password_change": Kind(may_change, Rows.primary_key),
    "config": Kind(may_view, Rows.primary_key),
    "qrcode": Kind(may_view, Rows.primary_key),
}

# A change form's old address (<id>/), which Django sends on to <id>/change/ for any staff.
OLD_CHANGE_ADDRESS = Kind(
    is_staff, Rows.object_id, redirects_to=("admin:{model}_change",)
)

# Django's admin site views and the project's views under the admin's prefix, by URL name.
SITE_VIEWS = {
    "admin:index": Kind(is_staff),
    "admin:login": Kind(is_staff, redirects_to=("admin:index",)),  # signed in already
    "admin:logout": Kind(is_staff, post_only=True),
    "admin:password_change": Kind(is_staff),
    "admin:password_change_done": Kind(is_staff),
    "admin:jsi18n": Kind(is_staff),
    "editor_image_upload": Kind(has_perm("pictures.add_picture"), post_only=True),
    "admin_keep_alive": Kind(is_staff, post_only=True),
    # Signed in with a second factor already: setup offers to add another; an old-style
    # enrolment link (code in the path) moves its code into the session and sends on to
    # the enrolment form, which sends on to setup; the page a new link opens (code after
    # `#`) is open to anyone; recovery codes (shown once) send on to the admin.
    "two_factor_setup": Kind(is_staff),
    "two_factor_verify": Kind(is_staff),
    "two_factor_enrol": Kind(is_staff, redirects_to=("two_factor_setup",)),
    "two_factor_enrol_link": Kind(
        is_staff,
        lambda center: [center.enrolment_code],
        redirects_to=("two_factor_enrol",),
    ),
    "two_factor_enrol_from_link": Kind(is_staff),
    "two_factor_recovery_codes": Kind(is_staff, redirects_to=("admin:index",)),
    # The passkey ceremonies' JSON endpoints (django-otp-webauthn) and their catalog.
    "otp_webauthn:credential-registration-begin": Kind(is_staff, post_only=True),
    "otp_webauthn:credential-registration-complete": Kind(is_staff, post_only=True),
    "otp_webauthn:credential-authentication-begin": Kind(is_staff, post_only=True),
    "otp_webauthn:credential-authentication-complete": Kind(is_staff, post_only=True),
    "otp_webauthn:js-i18n-catalog": Kind(is_staff),
    # Addresses from before models moved to other apps (rehab_site/moved_admin.py).
    "moved_admin_model": Kind(
        is_staff,
        lambda center: ["rehab_site", "menu"],
        redirects_to=("admin:website_menu_changelist",),
        moved=True,
    ),
    "moved_admin_page": Kind(
        is_staff,
        lambda center: ["rehab_site", "sitesettings", "1/change/"],
        redirects_to=("admin:website_sitesettings_change",),
        moved=True,
    ),
}

# An app's index: Django answers an app the user sees nothing of as missing.
APP_INDEX = Kind(may_open_app, denied_status=404)
# Any other address under the admin's prefix: missing, for everyone.
CATCH_ALL = Kind(nobody, denied_status=404)
# Django's autocomplete, one page for each autocomplete field of every admin.
AUTOCOMPLETE = Kind(may_search)
# Django's "View on site": any staff member is sent to the public address, which decides
# who sees a draft.
VIEW_ON_SITE = Kind(is_staff)


@dataclass(frozen=True)
class Page:
    """One address of the admin, filled in, and what it answers whom."""

    name: str  # the URL name (with what it is filled in for), or an unnamed route
    url: str
    kind: Kind
    subject: object = None
    redirects_to: tuple[str, ...] = ()

    @property
    def post_only(self) -> bool:
        return self.kind.post_only

    def allowed(self, user) -> bool:
        return self.kind.allowed(request_as(user, self.url), self.subject)

    def methods_for(self, user) -> list[str]:
        """GET, and POST where it answers without changing anything: a POST-only view
        is posted to by those who may not use it."""
        if self.post_only and not self.allowed(user):
            return ["GET", "POST"]
        return ["GET"]

    def expected_statuses(self, user, method: str) -> set[int]:
        if not self.allowed(user):
            if self.post_only and method == "GET":
                return {self.kind.denied_status, 405}
            return {self.kind.denied_status}
        if self.post_only:
            return {405}
        if self.kind.moved:
            return {301}
        return {200, 302} if self.redirects_to else {200}

    def problem(self, user, method: str, response) -> str | None:
        """What is wrong with the answer to `user`'s request, or None."""
        said = f"{method} {self.url} ({self.name})"
        expected = self.expected_statuses(user, method)
        if response.status_code not in expected:
            may = "may" if self.allowed(user) else "may not"
            return (
                f"{said}: {response.status_code}, expected "
                f"{' or '.join(map(str, sorted(expected)))} (the user {may} use it)"
            )
        if response.status_code in (301, 302):
            target = view_name(response["Location"])
            if target not in self.redirects_to:
                return (
                    f"{said}: sends on to {response['Location']} ({target}), expected "
                    f"{' or '.join(self.redirects_to)}"
                )
        return None


def view_name(url: str) -> str | None:
    try:
        return resolve(urlsplit(url).path).view_name
    except Resolver404:
        return None


def admin_patterns():
    """(route, URL name, view) of every URL pattern under the admin's prefix, in order."""

    def walk(patterns, route, namespace):
        for pattern in patterns:
            here = route + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                inner = ":".join(filter(None, [namespace, pattern.namespace]))
                yield from walk(pattern.url_patterns, here, inner)
            elif here.startswith(ADMIN):
                name = pattern.name and ":".join(
                    filter(None, [namespace, pattern.name])
                )
                yield here, name, pattern.callback

    yield from walk(get_resolver().url_patterns, "", "")


def admin_pages(center: Center) -> tuple[list[Page], list[str]]:
    """Every admin page, filled in from the database, and the patterns that could not
    be, each with the reason."""
    # Each registered model's admin is mounted at <app_label>/<model_name>/.
    rows_under = {
        f"{ADMIN}{model._meta.app_label}/{model._meta.model_name}/": Rows.of(
            admin.site.get_model_admin(model)
        )
        for model in registered_models()
    }
    pages, problems = [], []
    for route, name, view in admin_patterns():
        model_rows = [rows for at, rows in rows_under.items() if route.startswith(at)]
        try:
            if model_rows:
                found = [_model_page(route, name, view, model_rows[0])]
            else:
                found = _site_pages(route, name, view, center)
        except Unfillable as reason:
            problems.append(f"{route} ({name}): {reason}")
            continue
        for page in found:
            if resolve(urlsplit(page.url).path).func is not view:
                problems.append(f"{route} ({name}): {page.url} opens another view")
            pages.append(page)
    return pages, problems


def _model_page(route, name, view, rows: Rows) -> Page:
    if name is None and getattr(view, "view_class", None) is RedirectView:
        kind, name = OLD_CHANGE_ADDRESS, route
        change = reverse(f"admin:{rows.prefix}_change", args=rows.object_id())
        url = change.removesuffix("change/")
    else:
        kind = MODEL_VIEWS.get((name or "").removeprefix(f"admin:{rows.prefix}_"))
        if kind is None:
            raise Unfillable(
                "a kind of view tests/admin_pages.py does not know: say in MODEL_VIEWS "
                "who may use it and what fills it in"
            )
        url = reverse(name, args=kind.arguments(rows))
        if kind.query:
            url = f"{url}?{urlencode(kind.query(rows))}"
    redirects = tuple(to.format(model=rows.prefix) for to in kind.redirects_to)
    return Page(name, url, kind, rows, redirects)


def _site_pages(route, name, view, center: Center) -> list[Page]:
    if name == "admin:app_list":
        labels = sorted({model._meta.app_label for model in registered_models()})
        return [
            Page(name, reverse(name, args=[label]), APP_INDEX, label)
            for label in labels
        ]
    if name == "admin:autocomplete":
        return _autocomplete_pages(name)
    if name == "admin:view_on_site":
        return _view_on_site_pages(name)
    if name is None and getattr(view, "__wrapped__", None) == admin.site.catch_all_view:
        return [Page(route, f"/{ADMIN}no-such-page/", CATCH_ALL)]
    kind = SITE_VIEWS.get(name)
    if kind is None:
        raise Unfillable(
            "a view tests/admin_pages.py does not know: say in SITE_VIEWS who may use it"
        )
    url = reverse(name, args=kind.arguments(center))
    return [Page(name, url, kind, center, kind.redirects_to)]


def _autocomplete_pages(name) -> list[Page]:
    pages = []
    for model in registered_models():
        model_admin = admin.site.get_model_admin(model)
        for field_name in model_admin.get_autocomplete_fields(as_administrator()):
            searched = model._meta.get_field(field_name).remote_field.model
            query = {
                "app_label": model._meta.app_label,
                "model_name": model._meta.model_name,
                "field_name": field_name,
                "term": "",
            }
            pages.append(
                Page(
                    f"{name} ({model._meta.label}.{field_name})",
                    f"{reverse(name)}?{urlencode(query)}",
                    AUTOCOMPLETE,
                    admin.site.get_model_admin(searched),
                )
            )
    if not pages:
        raise Unfillable("no admin has an autocomplete field")
    return pages


def _view_on_site_pages(name) -> list[Page]:
    """One for the first row of every model with a public page."""
    pages = []
    for model in registered_models():
        row = first_rows(admin.site.get_model_admin(model)).first()
        if row is None or not hasattr(row, "get_absolute_url"):
            continue
        content_type = ContentType.objects.get_for_model(model)
        public = view_name(row.get_absolute_url())
        pages.append(
            Page(
                f"{name} ({model._meta.label})",
                reverse(name, args=[content_type.pk, quote(row.pk)]),
                VIEW_ON_SITE,
                row,
                (public,),
            )
        )
    if not pages:
        raise Unfillable("no row of a model with a public page")
    return pages
