"""The health checks the load balancer and the deploy ask: /healthz and /readyz."""

from django.db import OperationalError


def test_healthz_is_ok_while_the_database_answers(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_is_503_when_the_database_does_not_answer(client, db, monkeypatch):
    class UnreachableDatabase:
        def cursor(self):
            raise OperationalError("connection refused")

    monkeypatch.setattr("rehab_site.health.connection", UnreachableDatabase())

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_readyz_is_ready_when_database_cache_and_migrations_are(client, db):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {"status": "ready"}


def test_readyz_is_503_with_the_reason_when_the_database_is_unreachable(
    client, db, monkeypatch
):
    class UnreachableDatabase:
        def cursor(self):
            raise OperationalError("connection refused")

    monkeypatch.setattr("rehab_site.health.connection", UnreachableDatabase())

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["problems"] == ["database unreachable (OperationalError)"]
