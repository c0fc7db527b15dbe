"""The front matter reference, read from the JSON Schema: every field, whether it is needed, what to write.

The editor's guide shows this on a generated page, so the reference can never drift from the
schema the build validates against.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
_PATTERN_WORDS = {
    ID_PATTERN: "lower-case letters and numbers, words joined by hyphens, with no spaces",
    "^[0-9]+\\.[0-9]+$": 'major.minor in double quotes, for example `"2.1"`',
    "^[1-9][0-9]? (month|months|year|years)$": "a number then months or years, for example `6 months` or `2 years`",
}


@dataclass(frozen=True)
class FieldReference:
    name: str  # "approved.date"; list items are "amendments[].date"
    anchor: str
    required: str  # "Yes", "No", or when it is needed
    expects: str
    description: str
    depth: int  # 0 for a top-level field


@dataclass(frozen=True)
class SchemaReference:
    title: str
    description: str
    fields: list[FieldReference]
    rules: list[str]


def schema_reference(schema: dict[str, Any]) -> SchemaReference:
    conditions = _conditional_requirements(schema)
    fields: list[FieldReference] = []
    _walk(schema, "", 0, conditions, fields)
    return SchemaReference(schema.get("title", ""), schema.get("description", ""), fields, _rules(schema))


def _walk(
    schema: dict[str, Any], prefix: str, depth: int, conditions: dict[str, list[str]], out: list[FieldReference]
) -> None:
    required = set(schema.get("required", ()))
    for name, field in schema.get("properties", {}).items():
        full = f"{prefix}{name}"
        if name in required:
            needed = (
                "Yes"
                if depth == 0
                else ("Yes, in every entry" if prefix.endswith("[].") else f"Yes, within `{prefix.rstrip('.')}`")
            )
        elif conditions.get(full):
            needed = "When status is " + _either(conditions[full])
        else:
            needed = "No"
        out.append(
            FieldReference(
                full,
                "field-" + full.replace("[]", "").replace(".", "-").replace("_", "-"),
                needed,
                _expects(field),
                field.get("description", ""),
                depth,
            )
        )
        if field.get("type") == "object":
            _walk(field, full + ".", depth + 1, {}, out)
        elif (
            field.get("type") == "array"
            and isinstance(field.get("items"), dict)
            and field["items"].get("type") == "object"
        ):
            _walk(field["items"], full + "[].", depth + 1, {}, out)


def _expects(field: dict[str, Any]) -> str:
    if "enum" in field:
        return "One of: " + ", ".join(f"`{value}`" for value in field["enum"])
    kind = field.get("type")
    if kind == "array":
        items = field.get("items", {})
        words = "A list"
        if items.get("type") == "object":
            words += " of entries, each starting with `- ` on its own line"
        elif "enum" in items:
            words += " of: " + ", ".join(f"`{value}`" for value in items["enum"])
        elif items.get("type") == "integer":
            words += f" of whole numbers from {items.get('minimum')} to {items.get('maximum')}, for example `[3, 4]`"
        elif items.get("pattern") in _PATTERN_WORDS:
            words += " of ids (" + _PATTERN_WORDS[items["pattern"]] + ")"
        else:
            words += " of text items, for example `[one, two]`"
        if field.get("minItems"):
            words += f"; at least {field['minItems']}"
        return words
    if kind == "object":
        return "The fields below, indented under it"
    if field.get("format") == "date":
        return "A date written YYYY-MM-DD, for example `2025-03-01`"
    if kind == "integer":
        return "A whole number"
    words = "Text"
    if field.get("pattern") in _PATTERN_WORDS:
        words += ": " + _PATTERN_WORDS[field["pattern"]]
    elif field.get("pattern"):
        words += f" matching `{field['pattern']}`"
    lengths = []
    if "minLength" in field:
        lengths.append(f"at least {field['minLength']}")
    if "maxLength" in field:
        lengths.append(f"at most {field['maxLength']}")
    if lengths:
        words += f" ({' and '.join(lengths)} characters)"
    return words


def _statuses(condition: dict[str, Any]) -> list[str]:
    """The status values an allOf rule's `if` is about."""
    status = condition.get("properties", {}).get("status", {})
    if "const" in status:
        return [status["const"]]
    return list(status.get("enum", ()))


def _either(values: list[str]) -> str:
    quoted = [f"`{value}`" for value in values]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def _conditional_requirements(schema: dict[str, Any]) -> dict[str, list[str]]:
    """Field -> the status values for which the schema's allOf rules require it."""
    found: dict[str, list[str]] = {}
    for rule in schema.get("allOf", ()):
        statuses = _statuses(rule.get("if", {}))
        for name in rule.get("then", {}).get("required", ()) if statuses else ():
            found.setdefault(name, []).extend(s for s in statuses if s not in found.get(name, []))
    return found


def _rules(schema: dict[str, Any]) -> list[str]:
    rules = []
    for rule in schema.get("allOf", ()):
        together = rule.get("not", {}).get("required")
        if together:
            rules.append("Give " + " or ".join(f"`{name}`" for name in together) + ", not both.")
        statuses = _statuses(rule.get("if", {}))
        needed = rule.get("then", {}).get("required")
        if statuses and needed:
            rules.append(
                f"A document whose status is {_either(statuses)} also needs "
                + " and ".join(f"`{name}`" for name in needed)
                + "."
            )
    if schema.get("additionalProperties") is False:
        rules.append("No other fields are allowed: a misspelt field name is reported, with the name it is closest to.")
    return rules
