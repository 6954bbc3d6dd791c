from django.urls import path

from salon.matchmaking import views

app_name = "matchmaking"

urlpatterns = [
    path("my/b2b/", views.hub, name="hub"),
    path("my/registrations/<int:pk>/needs/", views.needs, name="needs"),
    path(
        "my/registrations/<int:pk>/recommendations/",
        views.visitor_recommendations,
        name="visitor_recommendations",
    ),
    path(
        "my/registrations/<int:pk>/request/<int:exhibitor_pk>/", views.request_meeting, name="request_meeting"
    ),
    path("my/registrations/<int:pk>/meetings/", views.visitor_meetings, name="visitor_meetings"),
    path("my/registrations/<int:pk>/agenda.ics", views.visitor_ics, name="visitor_ics"),
    path("my/exhibitors/<int:pk>/offer/", views.offer, name="offer"),
    path(
        "my/exhibitors/<int:pk>/recommendations/",
        views.exhibitor_recommendations,
        name="exhibitor_recommendations",
    ),
    path("my/exhibitors/<int:pk>/invite/<int:registration_pk>/", views.invite, name="invite"),
    path("my/exhibitors/<int:pk>/meetings/", views.exhibitor_meetings, name="exhibitor_meetings"),
    path("my/exhibitors/<int:pk>/agenda.ics", views.exhibitor_ics, name="exhibitor_ics"),
    path("meetings/<int:pk>/<slug:action>/", views.meeting_action, name="act"),
    path("editions/<slug:slug>/meetings/", views.edition_meetings, name="edition"),
    path("editions/<slug:slug>/meetings/schedule/", views.schedule, name="schedule"),
]
