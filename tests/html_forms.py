"""What a browser would send for an admin form as it was shown: every named input,
textarea and chosen option of the page's change form (file inputs left out)."""

from html.parser import HTMLParser


class FormReader(HTMLParser):
    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data: dict[str, list[str]] = {}
        self.textarea: str | None = None
        self.select: str | None = None
        self.option: dict | None = None

    def add(self, name: str, value: str) -> None:
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form" and attributes.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        name = attributes.get("name")
        if tag == "input" and name:
            kind = attributes.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attributes:
                return
            self.add(name, attributes.get("value", "on" if kind == "checkbox" else ""))
        elif tag == "textarea" and name:
            self.textarea = name
            self.add(name, "")
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attributes:
            self.add(self.select, attributes.get("value", ""))

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea][-1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea":
            if self.textarea:
                # Browsers drop the one newline that follows <textarea>.
                value = self.data[self.textarea][-1]
                self.data[self.textarea][-1] = value.removeprefix("\n")
            self.textarea = None
        elif tag == "select":
            self.select = None


def change_form_data(html: str, form_id: str) -> dict[str, list[str]]:
    reader = FormReader(form_id)
    reader.feed(html)
    return reader.data


def admin_form(client, url: str) -> dict[str, list[str]]:
    """The change form at `url` as a browser would send it unchanged."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    opts = response.context["opts"]
    return change_form_data(response.content.decode(), f"{opts.model_name}_form")
