import pytest

from salon.errors import NotAllowed
from salon.matchmaking.domain.profiles import refresh_vectors
from salon.matchmaking.domain.recommendations import recommend_exhibitors, recommend_visitors


@pytest.mark.django_db
def test_recommendations_cross_lingual_need_finds_english_anti_uas_first(market, visitor, edition):
    exhibitors, registration = market
    recommend_exhibitors(registration, actor=visitor)  # creates the offers from the company profiles
    assert refresh_vectors(edition) == 4
    results = recommend_exhibitors(registration, actor=visitor, k=3)
    assert results[0].name == "Skyguard Systems Ltd"
    assert results[0].mode == "hybrid"
    assert results[0].shared_categories == ["drones_anti_uas"]
    assert "drone" in results[0].best_passage.lower()


@pytest.mark.django_db
def test_recommendations_without_vectors_are_lexical_and_say_so(market, visitor):
    _, registration = market
    results = recommend_exhibitors(registration, actor=visitor)
    assert {r.mode for r in results} == {"bm25"}


@pytest.mark.django_db
def test_recommendations_refresh_only_changed_profiles(market, visitor, edition):
    _, registration = market
    recommend_exhibitors(registration, actor=visitor)
    assert refresh_vectors(edition) == 4
    assert refresh_vectors(edition) == 0
    from salon.matchmaking.domain.profiles import update_need

    update_need(registration, actor=visitor, text="Véhicules blindés pour la gendarmerie mobile")
    assert refresh_vectors(edition) == 1
    results = recommend_exhibitors(registration, actor=visitor, k=1)
    assert results[0].name == "Armatec Vehicles GmbH"


@pytest.mark.django_db
def test_recommendations_for_exhibitor_list_the_interested_visitor(market, exhibitor_user, edition):
    exhibitors, registration = market
    results = recommend_visitors(exhibitors["Skyguard Systems Ltd"], actor=exhibitor_user, k=5)
    assert [r.id for r in results] == [registration.pk]


@pytest.mark.django_db
def test_recommendations_of_someone_else_forbidden(market, other_exhibitor_user):
    exhibitors, registration = market
    with pytest.raises(NotAllowed):
        recommend_exhibitors(registration, actor=other_exhibitor_user)
    with pytest.raises(NotAllowed):
        recommend_visitors(exhibitors["Skyguard Systems Ltd"], actor=other_exhibitor_user)


@pytest.mark.django_db
def test_needs_availability_outside_edition_days_rejected_and_nothing_saved(market, visitor):
    from salon.matchmaking.domain.profiles import ProfileError, update_need

    _, registration = market
    with pytest.raises(ProfileError) as caught:
        update_need(registration, actor=visitor, text="Nouveau besoin", available_days=["2025-12-01"])
    assert (caught.value.code, caught.value.field) == ("day_outside_edition", "available_days")
    registration.need.refresh_from_db()
    assert registration.need.text == "Détection et neutralisation de drones autour d'un stade"
    with pytest.raises(ProfileError) as caught:
        update_need(registration, actor=visitor, blocked_slots=["2025-11-18T23:30"])
    assert caught.value.code == "unknown_slot"
