"""Two versions of a page compared the way an editor reads the page.

- Rich text is compared word by word and shown formatted: headings, lists and links as
  they look, removed words struck through and added words underlined. The words are
  matched by the standard library's difflib; lxml's htmldiff was tried first and left
  out, because it drops matching runs shorter than three words: one word added to the
  heading "Signs of withdrawal" showed the whole heading removed and written again.
- Every other field is compared as it is shown: a choice by its label, a date in the
  site's time zone, a linked record by its name. A field whose shown value is the same on
  both sides is unchanged, whatever its stored form (a time saved again with the same
  minute is not a change).
- Rows kept with the page (sections of a composed page, questions, photos) are matched
  by their identity and shown as added, removed, moved or changed.

The view (editing/content_admin.py) hands this module two django-reversion versions; the
result is a `Comparison` for the template `admin/editing/compare.html`.
"""

import difflib
import json
import re
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst

from editing.publishing import local_datetime
from editing.richtext import RichTextField, sanitize_html

# Fields kept for the machinery of a row, never edited as such: its page, its place.
ROW_PLUMBING = {"parent", "region", "ordering"}


@dataclass
class FieldChange:
    label: str
    changed: bool
    diff: SafeString  # the value with its changes marked, or the value when unchanged
    rich: bool = False


@dataclass
class RowChange:
    """One row kept with the page, such as a section: how it changed, and its fields."""

    kind: str  # the row's kind, such as "text" or "question and answer"
    name: str
    status: str  # "added", "removed", "moved", "changed" or "unchanged"
    fields: list[FieldChange]
    moved: bool = False

    @property
    def changed_fields(self) -> list[FieldChange]:
        return [change for change in self.fields if change.changed]


@dataclass
class RowGroup:
    label: str
    rows: list[RowChange]

    @property
    def changed_rows(self) -> list[RowChange]:
        return [row for row in self.rows if row.status != "unchanged"]

    @property
    def unchanged_rows(self) -> list[RowChange]:
        return [row for row in self.rows if row.status == "unchanged"]


@dataclass
class Comparison:
    fields: list[FieldChange]
    groups: list[RowGroup] = field(default_factory=list)

    @property
    def changed_fields(self) -> list[FieldChange]:
        return [change for change in self.fields if change.changed]

    @property
    def unchanged_fields(self) -> list[FieldChange]:
        return [change for change in self.fields if not change.changed]

    @property
    def changed_groups(self) -> list[RowGroup]:
        return [group for group in self.groups if group.changed_rows]

    @property
    def is_same(self) -> bool:
        return not self.changed_fields and not self.changed_groups


# Words ------------------------------------------------------------------------------


MARKS = frozenset({"ins", "del"})


def sanitize_diff(html: str) -> SafeString:
    """The diff of two sanitized texts, held to the editor's markup plus the marks."""
    # sanitize_html has just reduced it to the allow-list.
    return mark_safe(sanitize_html(html, extra_tags=MARKS))  # noqa: S308


# A tag, or a word with the spaces after it: sanitized HTML (richtext.py) has no stray "<".
HTML_TOKENS = re.compile(r"<[^>]*>|[^\s<]+\s*|\s+")
EMPTY_TAGS = {"br", "img", "col"}
# Two blocks (paragraphs, headings, items) this alike are one block changed, not one
# removed and another added.
ALIKE = 0.5


def tag_name(token: str) -> str:
    return re.match(r"</?\s*([a-zA-Z0-9]+)", token).group(1).lower()


def blocks(html: str) -> list[list[str]]:
    """The tokens of each top-level element (paragraph, heading, list, table...)."""
    found, depth = [], 0
    for token in HTML_TOKENS.findall(html or ""):
        is_tag = token.startswith("<")
        # Words outside any element (older text, pasted plain) are one block together.
        in_loose_words = found and not found[-1][0].startswith("<") and not is_tag
        if depth == 0 and (is_tag or token.strip()) and not in_loose_words:
            found.append([])
        if not found:
            continue
        found[-1].append(token)
        if token.startswith("<") and tag_name(token) not in EMPTY_TAGS:
            depth += -1 if token.startswith("</") else 1
            depth = max(depth, 0)
    return found


def balanced(tokens: list[str]) -> bool:
    """Whether the tags among `tokens` open and close one another in order."""
    open_tags = []
    for token in tokens:
        if not token.startswith("<") or tag_name(token) in EMPTY_TAGS:
            continue
        if token.startswith("</"):
            if not open_tags or open_tags.pop() != tag_name(token):
                return False
        else:
            open_tags.append(tag_name(token))
    return not open_tags


def marked(tokens: list[str], mark: str, keep_tags: bool = True) -> str:
    """`tokens` with each run of words (and each picture) inside <mark>; the tags
    between them kept only where `keep_tags`."""
    out, words = [], []

    def flush():
        text = "".join(words)
        if text.strip():
            trailing = text[len(text.rstrip()) :]
            out.append(f"<{mark}>{text.rstrip()}</{mark}>{trailing}")
        else:
            out.append(text)
        words.clear()

    for token in tokens:
        if not token.startswith("<") or tag_name(token) == "img":
            words.append(token)
        else:
            flush()
            if keep_tags:
                out.append(token)
    flush()
    return "".join(out)


def block_diff(before: list[str], after: list[str]) -> str:
    """One block changed: its words compared; its tags the newer version's, with a
    removed run's own tags kept only where they are whole."""
    out = []
    matcher = difflib.SequenceMatcher(None, words(before), words(after), autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            out.append("".join(after[j1:j2]))
            continue
        removed = before[i1:i2]
        out.append(marked(removed, "del", keep_tags=balanced(removed)))
        out.append(marked(after[j1:j2], "ins"))
    return "".join(out)


def words(tokens: list[str]) -> list[str]:
    """Tokens as compared: a word is the same word whatever spaces follow it."""
    return [token.strip() or " " for token in tokens]


def similarity(before: list[str], after: list[str]) -> float:
    return difflib.SequenceMatcher(
        None, words(before), words(after), autojunk=False
    ).ratio()


def rich_text_diff(old: str, new: str) -> SafeString:
    """Formatted HTML with removed words in <del> and added words in <ins>.

    Blocks (paragraphs, headings, lists) are matched first, so a removed paragraph
    shows as one paragraph struck through and an added one as one added; a block that
    changed has its words compared."""
    old_blocks, new_blocks = blocks(old), blocks(new)
    out = []
    matcher = difflib.SequenceMatcher(
        None, ["".join(b) for b in old_blocks], ["".join(b) for b in new_blocks],
        autojunk=False,
    )  # fmt: skip
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            out.extend("".join(block) for block in new_blocks[j1:j2])
            continue
        removed, added = old_blocks[i1:i2], new_blocks[j1:j2]
        # Each added block is paired with the next removed block alike enough to be
        # its earlier words; removed blocks passed over on the way were removed.
        for block in added:
            pair = next(
                (
                    index
                    for index, candidate in enumerate(removed)
                    if similarity(candidate, block) >= ALIKE
                ),
                None,
            )
            if pair is None:
                out.append(marked(block, "ins"))
                continue
            out.extend(marked(gone, "del") for gone in removed[:pair])
            out.append(block_diff(removed[pair], block))
            removed = removed[pair + 1 :]
        out.extend(marked(gone, "del") for gone in removed)
    return sanitize_diff("".join(out))


# A word with the spaces after it, or spaces alone.
WORDS = re.compile(r"\S+\s*|\s+")


def words_diff(old: str, new: str) -> SafeString:
    """Plain text compared word by word, escaped, each run of changed words marked."""
    before = [str(escape(token)) for token in WORDS.findall(old)]
    after = [str(escape(token)) for token in WORDS.findall(new)]
    return mark_safe(block_diff(before, after))  # noqa: S308 - escaped, then marked.


# Values as shown ----------------------------------------------------------------------


def shown(model_field, value, names: "Names") -> str:
    """A stored value as the admin shows it."""
    if value is None or value == "" or value == []:
        return ""
    if isinstance(model_field, models.ManyToManyField):
        return ", ".join(names.of(model_field.related_model, value))
    if isinstance(model_field, models.ForeignKey):
        return ", ".join(names.of(model_field.related_model, [value]))
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.BooleanField):
        return "Yes" if value else "No"
    if isinstance(model_field, models.DateTimeField):
        return local_datetime(value)
    if isinstance(model_field, models.DateField):
        return date_format(value, "DATE_FORMAT")
    if isinstance(model_field, models.FileField):
        return str(getattr(value, "name", value) or "")
    if isinstance(model_field, models.JSONField):
        if isinstance(value, list):
            return ", ".join(str(item) for item in value)
        return json.dumps(value, sort_keys=True)
    return str(value)


class Names:
    """Names of linked records, read once a model for the whole comparison."""

    def __init__(self):
        self.known: dict[tuple, str] = {}

    def of(self, model, keys) -> list[str]:
        wanted = [key for key in keys if (model, key) not in self.known]
        if wanted:
            for obj in model._default_manager.filter(pk__in=wanted):
                self.known[model, obj.pk] = str(obj)
        return [
            self.known.get((model, key), f"(removed {model._meta.verbose_name})")
            for key in keys
        ]


def compared_fields(model, leave_out=()) -> list:
    """The fields an editor edits on `model` (those a version token and a draft change
    are made of), in the form's order."""
    from editing.content_admin import edited_fields  # it shows what this compares

    return [
        model._meta.get_field(name)
        for name in edited_fields(model)
        if name not in leave_out
    ]


def compare_values(model, old: dict, new: dict, names: Names, leave_out=()):
    changes = []
    for model_field in compared_fields(model, leave_out):
        key = model_field.attname
        if isinstance(model_field, RichTextField):
            before, after = old.get(key) or "", new.get(key) or ""
            changed = before.strip() != after.strip()
            diff = rich_text_diff(before, after) if changed else mark_safe(after)
            changes.append(FieldChange(label(model_field), changed, diff, rich=True))
            continue
        before = shown(model_field, old.get(key), names)
        after = shown(model_field, new.get(key), names)
        if before == after:
            diff = escape(after)
        elif isinstance(model_field, (models.CharField, models.TextField)):
            diff = words_diff(before, after)
        else:
            diff = format_html(
                "{}{}",
                format_html("<del>{}</del> ", before) if before else "",
                format_html("<ins>{}</ins>", after) if after else "",
            )
        changes.append(FieldChange(label(model_field), before != after, diff))
    return changes


def label(model_field) -> str:
    return capfirst(str(model_field.verbose_name))


# Rows kept with the page ------------------------------------------------------------


@dataclass
class Row:
    model: type
    pk: object
    values: dict

    @property
    def key(self):
        return (self.model, str(self.pk))

    @property
    def place(self):
        return (self.values.get("region") or "", self.values.get("ordering") or 0)


def rows_of(revision_versions, obj, leave_out_pk) -> list[Row]:
    """The rows saved in a revision that point at `obj`: its inlines at that time."""
    parents = {obj._meta.concrete_model, *obj._meta.get_parent_list()}
    rows = []
    for version in revision_versions:
        model = ContentType.objects.get_for_id(version.content_type_id).model_class()
        if model is None or (model is type(obj) and version.object_id == leave_out_pk):
            continue
        links = [
            model_field.attname
            for model_field in model._meta.concrete_fields
            if isinstance(model_field, models.ForeignKey)
            and model_field.related_model in parents
        ]
        if not links:
            continue
        values = version.field_dict
        if any(str(values.get(link)) == str(obj.pk) for link in links):
            rows.append(Row(model, version.object_id, values))
    return rows


def row_name(row: Row) -> str:
    try:
        fields = {
            model_field.attname: row.values.get(model_field.attname)
            for model_field in row.model._meta.concrete_fields
            if not isinstance(model_field, models.ForeignKey)
        }
        return str(row.model(**fields))
    except (TypeError, ValueError, AttributeError):
        return str(row.model._meta.verbose_name)


def compare_rows(old_rows, new_rows, group_of, names: Names) -> list[RowGroup]:
    groups: dict[str, tuple[list, list]] = {}
    for index, rows in enumerate((old_rows, new_rows)):
        for row in rows:
            groups.setdefault(group_of(row.model), ([], []))[index].append(row)
    result = []
    for group_label, (old, new) in groups.items():
        old.sort(key=lambda row: row.place)
        new.sort(key=lambda row: row.place)
        old_by_key = {row.key: row for row in old}
        new_keys = {row.key for row in new}
        # Rows on both sides whose order relative to one another changed have moved.
        kept_before = [row.key for row in old if row.key in new_keys]
        kept_after = [row.key for row in new if row.key in old_by_key]
        staying = set()
        matcher = difflib.SequenceMatcher(None, kept_before, kept_after, autojunk=False)
        for block in matcher.get_matching_blocks():
            staying.update(kept_before[block.a : block.a + block.size])
        changes = []
        for row in new:
            before = old_by_key.get(row.key)
            fields = compare_values(
                row.model, before.values if before else {}, row.values, names,
                leave_out=ROW_PLUMBING,
            )  # fmt: skip
            if before is None:
                changes.append(row_change(row, "added", with_values(fields)))
                continue
            moved = row.key not in staying
            edited = any(change.changed for change in fields)
            status = "changed" if edited else "moved" if moved else "unchanged"
            changes.append(row_change(row, status, fields, moved))
        for row in old:
            if row.key not in new_keys:
                fields = compare_values(
                    row.model, row.values, {}, names, leave_out=ROW_PLUMBING
                )
                changes.append(row_change(row, "removed", with_values(fields)))
        result.append(RowGroup(group_label, changes))
    return result


def row_change(row: Row, status: str, fields, moved: bool = False) -> RowChange:
    kind = str(row.model._meta.verbose_name)
    return RowChange(kind, row_name(row), status, fields, moved)


def with_values(fields: list[FieldChange]) -> list[FieldChange]:
    """The fields of an added or removed row that hold something."""
    return [change for change in fields if change.diff]


def default_group(model) -> str:
    """Rows are grouped by their kind unless the admin groups them otherwise."""
    return capfirst(str(model._meta.verbose_name_plural))


def compare_versions(obj, version1, version2, group_of=default_group) -> Comparison:
    """What changed from `version1` to `version2` of `obj`."""
    names = Names()
    model = type(obj)
    comparison = Comparison(
        compare_values(model, version1.field_dict, version2.field_dict, names)
    )
    old_rows = rows_of(version1.revision.version_set.all(), obj, version1.object_id)
    new_rows = rows_of(version2.revision.version_set.all(), obj, version2.object_id)
    comparison.groups = compare_rows(old_rows, new_rows, group_of, names)
    return comparison
