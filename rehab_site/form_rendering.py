"""How forms and their widgets are drawn (settings.FORM_RENDERER).

Django ships each of its own form and widget templates twice, for its template engine and
for Jinja2, written to give the same HTML. Jinja2 draws those here; any other widget's
template (the admin's wrappers and date pickers, CKEditor's, the picture chooser), which
exists for Django's engine only, is drawn by Django's engine as before. A change form of
the home page draws some 2,000 widgets and labels: README, "Performance", has
the figures that made this worth its few lines.
"""

from django.forms.renderers import BaseRenderer, DjangoTemplates, Jinja2
from django.template import TemplateDoesNotExist


class JinjaFirstRenderer(BaseRenderer):
    def __init__(self):
        self.jinja2 = Jinja2()
        self.django = DjangoTemplates()

    def get_template(self, template_name):
        try:
            return self.jinja2.get_template(template_name)
        except TemplateDoesNotExist:
            return self.django.get_template(template_name)
