"""Submitting an admin change form as a browser would: every field the page rendered, with
its current value, plus the changes a test makes."""

from html.parser import HTMLParser

from django.apps import apps
from django.contrib import admin
from django.test import RequestFactory
from django.urls import resolve, reverse


class _FormFields(HTMLParser):
    def __init__(self):
        super().__init__()
        self.data: dict[str, str | list[str]] = {}
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "file"):
            if attrs.get("type") in ("checkbox", "radio"):
                if "checked" in attrs:
                    self._add(name, attrs.get("value", "on"))
            else:
                self.data[name] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select] = attrs.get("value", "")

    def _add(self, name: str, value: str) -> None:
        """A ticked box; boxes of one name ticked together post a list of values."""
        if name not in self.data:
            self.data[name] = value
        elif isinstance(self.data[name], list):
            self.data[name].append(value)
        else:
            self.data[name] = [self.data[name], value]

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += (
                data.lstrip("\n") if not self.data[self._textarea] else data
            )


def change_form_data(client, url: str) -> dict[str, str | list[str]]:
    """What the admin form at `url` would post as it stands (inlines included)."""
    page = client.get(url)
    assert page.status_code == 200, page.status_code
    parser = _FormFields()
    parser.feed(page.content.decode())
    return {
        name: value
        for name, value in parser.data.items()
        if name not in ("_saveasnew", "_addanother", "_continue")
    }


def submit_change_form(client, url: str, changes: dict[str, str]):
    """GET the admin form at `url`, then POST it back with `changes`; returns the response."""
    data = change_form_data(client, url)
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, _errors(response)
    return response


def _errors(response) -> str:
    context = response.context or {}
    problems = [str(context.get("errors", ""))]
    for formset in context.get("inline_admin_formsets", []):
        problems.append(str(formset.formset.errors))
    return "\n".join(problems)


def every_admin_form(user):
    """(model, form class) for every admin form and inline form in the admin, each built
    for `user`'s request to the model's list."""
    for model in apps.get_models():
        if not admin.site.is_registered(model):
            continue
        path = reverse(
            f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"
        )
        request = RequestFactory().get(path)
        request.user = user
        request.resolver_match = resolve(path)
        model_admin = admin.site.get_model_admin(model)
        yield model, model_admin.get_form(request)
        for inline in model_admin.get_inline_instances(request):
            yield inline.model, inline.get_formset(request).form
