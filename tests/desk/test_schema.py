"""Schemathesis against the desk's OpenAPI document: requests generated from the schema for every
operation, sent to the app over a filled store; no response may be a server error, every error has
the one error shape, and every response conforms to the schema's status codes and content types."""
from __future__ import annotations

from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402

EXAMPLES = 40  # generated requests per operation
ACCEPTANCE = schemathesis.checks.positive_data_acceptance


def test_no_server_errors_on_any_operation(sqlite_desk: str) -> None:
    from rasd.desk.app import create_app
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(sqlite_desk, token="schema-token"))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.path for op in operations} >= {"/api/search", "/api/counts", "/api/ingest", "/api/health"}
    seen: dict[str, set[int]] = {}

    for operation in operations:
        _check(operation, seen)()
    assert seen.get("POST /api/ingest") == {401}  # no generated request knows the operator's token
    assert 200 in seen["GET /api/search"] and 200 in seen["GET /api/counts"]


def _check(operation: Any, seen: dict[str, set[int]]) -> Any:
    """The Hypothesis test of one operation (its generated requests), recording the statuses seen."""
    name = f"{operation.method.upper()} {operation.path}"

    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def check(case: Any) -> None:
        # Every check but "schema-valid data is accepted": the query grammar (unbalanced
        # parentheses, a lone NOT) cannot be written in a schema, so such a `q` is a 400 by design.
        response = case.call_and_validate(excluded_checks=[ACCEPTANCE])
        assert response.status_code < 500, (case.as_curl_command(), response.text[:300])
        seen.setdefault(name, set()).add(response.status_code)
        if response.status_code >= 400:
            body = response.json()
            assert set(body) == {"error"} and body["error"]["status"] == response.status_code, body

    return check
