"""Validating front matter against the published JSON Schema, with messages an editor can act on."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import fastjsonschema

from manual.model.problems import Problem, describe
from manual.reading.dates import date_message
from manual.words import close_match, field_path

if TYPE_CHECKING:
    import jsonschema

_TYPE_WORDS = {
    "string": "text",
    "array": "a list (one '- item' per line, or [a, b])",
    "object": "a set of 'field: value' lines",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
}


@lru_cache(maxsize=16)  # the front matter's schema, the Levels of Need's and one per data file
def _validator(schema_file: str) -> jsonschema.protocols.Validator:
    import jsonschema  # here, not at the top: a sixth of a second, needed only to explain a problem (see _fast_check)

    schema = json.loads(Path(schema_file).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


# Keywords the compiled check (fastjsonschema knows JSON Schema up to draft 7) would not treat as jsonschema does.
_NOT_FOR_FAST_CHECK = (
    '"$ref"',
    '"$defs"',
    '"$dynamicRef"',
    '"$anchor"',
    '"prefixItems"',
    '"unevaluated',
    '"dependent',
    '"contains"',
)


@lru_cache(maxsize=16)  # one per schema: the front matter's and the data files'
def _fast_check(schema_file: str) -> Callable[[Any], bool] | None:
    """A compiled yes/no check, many times quicker than jsonschema: a valid document, the usual case, is
    passed without loading jsonschema at all. Only its "yes" is trusted; any "no" is explained by
    jsonschema, which has the last word. None for a schema it cannot check as jsonschema does."""
    text = Path(schema_file).read_text(encoding="utf-8")
    schema = {**json.loads(text), "$schema": "http://json-schema.org/draft-07/schema#"}
    if any(keyword in text for keyword in _NOT_FOR_FAST_CHECK) or _formats_used(schema) - {"date"}:
        return None
    validate = fastjsonschema.compile(schema, formats={"date": _is_date})

    def check(data: Any) -> bool:
        try:
            validate(data)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    return check


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


def _is_date(value: Any) -> bool:
    """The "date" format exactly as jsonschema's format checker decides it."""
    if not isinstance(value, str):
        return True
    try:
        return bool(_DATE.fullmatch(value) and date.fromisoformat(value))
    except ValueError:
        return False


def _formats_used(schema: Any) -> set[str]:
    if isinstance(schema, dict):
        found = {schema["format"]} if isinstance(schema.get("format"), str) else set()
        return found.union(*(_formats_used(value) for value in schema.values()))
    if isinstance(schema, list):
        return set().union(*(_formats_used(value) for value in schema))
    return set()


def load_schema(schema_file: Path) -> dict[str, Any]:
    """The schema, checked against JSON Schema's own rules first (this loads jsonschema)."""
    return _validator(str(schema_file)).schema


def read_schema(schema_file: Path) -> dict[str, Any]:
    """The schema as data, without loading jsonschema (about 10 MB of memory in every build): for the reference page."""
    return json.loads(Path(schema_file).read_text(encoding="utf-8"))


def schema_problems(data: dict[str, Any], lines: dict[tuple, int], path: str, schema_file: Path) -> list[Problem]:
    """Every schema problem in one document, one message each, in line order."""
    fast_check = _fast_check(str(schema_file))
    if fast_check is not None and fast_check(data):
        return []
    validator = _validator(str(schema_file))
    problems: set[Problem] = set()
    for error in validator.iter_errors(data):
        problems.update(_explain(error, validator.schema.get("properties", {}), lines, path))
    return sorted(problems, key=lambda p: (p.line or 0, p.field or "", p.message))


def _line(lines: dict[tuple, int], field_path: tuple) -> int | None:
    while field_path:
        if field_path in lines:
            return lines[field_path]
        field_path = field_path[:-1]
    return None


def _explain(
    error: jsonschema.ValidationError, root_properties: dict, lines: dict[tuple, int], path: str
) -> list[Problem]:
    at = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    kind = error.validator
    value = error.instance

    if kind == "required":
        missing = [name for name in error.validator_value if name not in value]
        properties = schema.get("properties") or (root_properties if not at else {})
        why = _condition(error)
        return [
            Problem(
                path,
                _line(lines, at) if at else None,
                field_path(at + (name,)),
                f"missing{why}; expected {_expectation(properties.get(name, {}))}",
            )
            for name in missing
        ]
    if kind == "additionalProperties":
        known = list(schema.get("properties", {}))
        problems = []
        for name in sorted(set(value) - set(known)):
            close = close_match(name, known)
            hint = f"; did you mean '{close}'?" if close else f"; the fields allowed here are: {', '.join(known)}"
            problems.append(Problem(path, _line(lines, at + (name,)), field_path(at + (name,)), f"unknown field{hint}"))
        return problems
    if kind == "not" and at == ():
        return [
            Problem(
                path, _line(lines, ("review_interval",)), "next_review", "give next_review or review_interval, not both"
            )
        ]
    if kind in ("allOf", "anyOf", "oneOf", "if", "then"):
        return []
    message = f"got {describe(value)}; expected {_expectation(schema)}"
    if kind == "format" or (kind == "type" and schema.get("format") == "date"):
        message = date_message(value)  # names the exact YYYY-MM-DD date when it can tell
    elif kind == "uniqueItems":
        message = "the list names the same item more than once"
    elif kind == "minItems":
        message = f"the list is empty; expected {_expectation(schema)}"
    elif kind in ("minProperties", "maxProperties"):
        message = _fields_message(kind, error.validator_value, list(value), list(schema.get("properties", {})))
    return [Problem(path, _line(lines, at), field_path(at) or None, message)]


def _fields_message(kind: str, limit: int, given: list[str], allowed: list[str]) -> str:
    """Too many or too few of a set's fields (report_problem: one of contact and repository)."""
    choices = " or ".join(allowed)
    if kind == "maxProperties":
        return f"gives {' and '.join(given)}; expected {'only one' if limit == 1 else f'at most {limit}'} of {choices}"
    if not given:
        return f"gives no field; expected {'one' if limit == 1 else f'at least {limit}'} of {choices}"
    return f"gives only {' and '.join(given)}; expected at least {limit} of {choices}"


def _condition(error: jsonschema.ValidationError) -> str:
    where = list(error.absolute_schema_path)
    if "then" in where and isinstance(error.instance, dict):
        status = error.instance.get("status")
        if status:
            return f" (required when status is {status})"
    return ""


def _expectation(schema: dict[str, Any]) -> str:
    if "enum" in schema:
        return "one of: " + ", ".join(str(v) for v in schema["enum"])
    if schema.get("format") == "date":
        return "a date written YYYY-MM-DD, for example 2025-03-01"
    if schema.get("type") == "array" and isinstance(schema.get("items"), dict) and "enum" in schema["items"]:
        return "a list of: " + ", ".join(schema["items"]["enum"])
    description = schema.get("description")
    types = schema.get("type", "")
    if isinstance(types, list):  # ["string", "null"]: text, or left empty as the description says
        types = next((name for name in types if name != "null"), "")
    type_word = _TYPE_WORDS.get(types, "a value")
    if description:
        return f"{type_word}. {description}"
    extra = []
    if "minimum" in schema or "maximum" in schema:
        extra.append(f"from {schema.get('minimum')} to {schema.get('maximum')}")
    if "minLength" in schema:
        extra.append(f"at least {schema['minLength']} characters")
    return type_word + (" " + ", ".join(extra) if extra else "")
