"""The application workflow end to end through the REST API, one test per regime and error code."""

import pytest

from salon.audit.domain.chain import verify_chain
from salon.audit.models import AuditEntry
from salon.conftest import ApiClient
from salon.editions.models import Stand
from salon.exhibitors.models import Application


def _apply_and_submit(api, edition, company):
    created = api.post(
        f"/editions/{edition.slug}/exhibitors", {"company_id": company.pk, "requested_area_m2": 18}
    )
    assert created.status_code == 201, created.content
    assert created.json()["status"] == "draft"
    return api.post(f"/exhibitors/{created.json()['id']}/submit")


@pytest.mark.django_db
def test_workflow_open_country_admitted_at_submission(api_as, exhibitor_user, edition, company_factory):
    api = api_as(exhibitor_user)
    response = _apply_and_submit(api, edition, company_factory("DE"))
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["policy_regime"]) == ("admitted", "open")
    assert (
        AuditEntry.objects.filter(action="application.policy_checked", object_id=str(body["id"])).count() == 1
    )


@pytest.mark.django_db
def test_workflow_authorization_country_waits_then_officer_authorizes(
    api_as, exhibitor_user, officer, edition, company_factory
):
    submitted = _apply_and_submit(api_as(exhibitor_user), edition, company_factory("IL")).json()
    assert (submitted["status"], submitted["policy_regime"]) == ("pending_authorization", "authorization")
    officer_api = api_as(officer)
    queue = officer_api.get(f"/editions/{edition.slug}/authorization-queue").json()
    assert [item["id"] for item in queue["items"]] == [submitted["id"]]
    decided = officer_api.post(
        f"/exhibitors/{submitted['id']}/authorize",
        {"reason": "Authorization AG-2025-117 granted by the ministry"},
    )
    assert decided.status_code == 200
    assert decided.json()["status"] == "admitted"
    assert decided.json()["decision_reason"] == "Authorization AG-2025-117 granted by the ministry"
    assert officer_api.get(f"/editions/{edition.slug}/authorization-queue").json()["count"] == 0
    entry = AuditEntry.objects.get(action="application.authorized")
    assert entry.actor == "oscar" and entry.payload["country"] == "IL"
    assert verify_chain().intact


@pytest.mark.django_db
def test_workflow_officer_refusal_is_final_and_shown(
    api_as, exhibitor_user, officer, edition, company_factory
):
    submitted = _apply_and_submit(api_as(exhibitor_user), edition, company_factory("IL")).json()
    refused = api_as(officer).post(
        f"/exhibitors/{submitted['id']}/refuse", {"reason": "Authorization denied"}
    )
    assert refused.json()["status"] == "refused"
    seen = api_as(exhibitor_user).get(f"/exhibitors/{submitted['id']}").json()
    assert (seen["status"], seen["decision_reason"]) == ("refused", "Authorization denied")
    again = api_as(officer).post(f"/exhibitors/{submitted['id']}/authorize", {"reason": "Changed my mind"})
    assert (again.status_code, again.json()["code"]) == (409, "not_pending")


@pytest.mark.django_db
def test_workflow_barred_country_refused_at_once_with_policy_reason(
    api_as, exhibitor_user, edition, company_factory
):
    body = _apply_and_submit(api_as(exhibitor_user), edition, company_factory("RU")).json()
    assert (body["status"], body["policy_regime"]) == ("refused", "barred")
    assert body["decision_reason"] == "EU arms embargo on Russia"
    assert body["policy_reason"] == "EU arms embargo on Russia"


@pytest.mark.django_db
def test_workflow_authorize_without_reason_rejected_and_nothing_changes(
    api_as, exhibitor_user, officer, edition, company_factory
):
    submitted = _apply_and_submit(api_as(exhibitor_user), edition, company_factory("IL")).json()
    audit_count = AuditEntry.objects.count()
    for reason in ("", "   ", "ok"):
        response = api_as(officer).post(f"/exhibitors/{submitted['id']}/authorize", {"reason": reason})
        assert (response.status_code, response.json()["code"]) == (400, "reason_required")
    assert Application.objects.get(pk=submitted["id"]).status == "pending_authorization"
    assert AuditEntry.objects.count() == audit_count


@pytest.mark.django_db
def test_workflow_submit_twice_conflicts(api_as, exhibitor_user, edition, company_factory):
    api = api_as(exhibitor_user)
    body = _apply_and_submit(api, edition, company_factory("DE")).json()
    again = api.post(f"/exhibitors/{body['id']}/submit")
    assert (again.status_code, again.json()["code"]) == (409, "not_draft")


@pytest.mark.django_db
def test_workflow_apply_twice_same_edition_conflicts(api_as, exhibitor_user, edition, company_factory):
    api = api_as(exhibitor_user)
    company = company_factory("DE")
    assert api.post(f"/editions/{edition.slug}/exhibitors", {"company_id": company.pk}).status_code == 201
    again = api.post(f"/editions/{edition.slug}/exhibitors", {"company_id": company.pk})
    assert (again.status_code, again.json()["code"]) == (409, "already_applied")


@pytest.mark.django_db
def test_stand_double_booking_rejected(api_as, exhibitor_user, organizer, edition, company_factory):
    first = _apply_and_submit(api_as(exhibitor_user), edition, company_factory("DE", name="Alpha")).json()
    second = _apply_and_submit(api_as(exhibitor_user), edition, company_factory("FR", name="Beta")).json()
    stand = Stand.objects.get(number="A01")
    organizer_api = api_as(organizer)
    ok = organizer_api.put(f"/exhibitors/{first['id']}/stand", {"stand_id": stand.pk})
    assert (ok.status_code, ok.json()["stand"]) == (200, "H5-A01")
    clash = organizer_api.put(f"/exhibitors/{second['id']}/stand", {"stand_id": stand.pk})
    assert (clash.status_code, clash.json()["code"]) == (409, "stand_taken")
    assert Application.objects.get(pk=second["id"]).stand_id is None
    free = organizer_api.get(f"/editions/{edition.slug}/stands", free=True).json()
    assert [s["number"] for s in free] == ["A02"]


@pytest.mark.django_db
def test_stand_allocation_requires_admitted(api_as, exhibitor_user, organizer, edition, company_factory):
    pending = _apply_and_submit(api_as(exhibitor_user), edition, company_factory("IL")).json()
    stand = Stand.objects.get(number="A02")
    response = api_as(organizer).put(f"/exhibitors/{pending['id']}/stand", {"stand_id": stand.pk})
    assert (response.status_code, response.json()["code"]) == (409, "not_admitted")


@pytest.mark.django_db
def test_company_unknown_country_rejected(api_as, exhibitor_user):
    response = api_as(exhibitor_user).post("/companies", {"legal_name": "Nowhere Ltd", "country": "XX"})
    assert (response.status_code, response.json()["code"]) == (400, "unknown_country")


@pytest.mark.django_db
def test_company_unknown_category_rejected(api_as, exhibitor_user):
    response = api_as(exhibitor_user).post(
        "/companies", {"legal_name": "A", "country": "FR", "categories": ["teleportation"]}
    )
    assert (response.status_code, response.json()["code"]) == (400, "unknown_category")


@pytest.mark.django_db
def test_company_exhibitor_cannot_edit_another_company(api_as, other_exhibitor_user, company_factory):
    company = company_factory("DE", name="Original Name GmbH")
    response = api_as(other_exhibitor_user).patch(f"/companies/{company.pk}", {"legal_name": "Hijacked"})
    assert (response.status_code, response.json()["code"]) == (403, "forbidden")
    company.refresh_from_db()
    assert company.legal_name == "Original Name GmbH"


@pytest.mark.django_db
def test_company_country_locked_after_submission(api_as, exhibitor_user, edition, company_factory):
    company = company_factory("IL")
    _apply_and_submit(api_as(exhibitor_user), edition, company)
    response = api_as(exhibitor_user).patch(f"/companies/{company.pk}", {"country": "FR"})
    assert (response.status_code, response.json()["code"]) == (409, "country_locked")


@pytest.mark.django_db
def test_company_products_bilingual_catalogue(api_as, exhibitor_user, company_factory):
    company = company_factory("FR")
    api = api_as(exhibitor_user)
    created = api.post(
        f"/companies/{company.pk}/products",
        {
            "name": "Sentinel X4",
            "category": "drones_anti_uas",
            "description_en": "Counter-drone radar",
            "description_fr": "Radar de lutte anti-drones",
        },
    )
    assert created.status_code == 201
    detail = api.get(f"/companies/{company.pk}").json()
    assert detail["products"] == [
        {
            "id": created.json()["id"],
            "name": "Sentinel X4",
            "category": "drones_anti_uas",
            "description_en": "Counter-drone radar",
            "description_fr": "Radar de lutte anti-drones",
        }
    ]


@pytest.mark.django_db
def test_api_forged_token_unauthenticated(api_as, edition):
    response = api_as(None).get(f"/editions/{edition.slug}/exhibitors")
    assert (response.status_code, response.json()["code"]) == (401, "unauthenticated")
    response = ApiClient("sln_forged-token-value").get(f"/editions/{edition.slug}/exhibitors")
    assert (response.status_code, response.json()["code"]) == (401, "unauthenticated")


@pytest.mark.django_db
def test_api_exhibitor_list_filters_country_and_status(
    api_as, exhibitor_user, officer, organizer, edition, company_factory
):
    exhibitor_api = api_as(exhibitor_user)
    admitted_il = _apply_and_submit(exhibitor_api, edition, company_factory("IL", name="Il One")).json()
    _apply_and_submit(exhibitor_api, edition, company_factory("IL", name="Il Two"))
    _apply_and_submit(exhibitor_api, edition, company_factory("DE", name="De One"))
    api_as(officer).post(f"/exhibitors/{admitted_il['id']}/authorize", {"reason": "Authorized by decree"})
    listing = (
        api_as(organizer).get(f"/editions/{edition.pk}/exhibitors", country="IL", status="admitted").json()
    )
    assert listing["count"] == 1
    assert [item["company"]["legal_name"] for item in listing["items"]] == ["Il One"]
