"""How forms and their widgets are drawn (settings.FORM_RENDERER).

Django ships each of its own form and widget templates twice, for its template engine and
for Jinja2, written to give the same HTML. Jinja2 draws those here; any other widget's
template (the admin's wrappers and date pickers, CKEditor's, the picture chooser), which
exists for Django's engine only, is drawn by Django's engine as before. A change form of
the home page draws some 2,000 widgets and labels: README, "Performance", has
the figures that made this worth its few lines.
"""

from django.forms.renderers import BaseRenderer, DjangoTemplates, Jinja2

# Where Django keeps its form and widget templates, the same names for either engine.
DJANGOS_OWN = "django/forms/"


class JinjaFirstRenderer(BaseRenderer):
    """Chosen by name, not by asking Jinja2 first: a template Jinja2 does not have took
    12.6 µs to look for on every widget drawn (a miss is a file lookup and an
    exception), ten times the lookup itself."""

    def __init__(self):
        self.jinja2 = Jinja2()
        self.django = DjangoTemplates()

    def get_template(self, template_name):
        engine = self.jinja2 if template_name.startswith(DJANGOS_OWN) else self.django
        return engine.get_template(template_name)
