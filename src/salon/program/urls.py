from django.urls import path

from salon.program import views

app_name = "program"

urlpatterns = [
    path("editions/<slug:slug>/program/", views.program, name="program"),
    path("editions/<slug:slug>/program/sessions/<int:pk>/", views.session_detail, name="session"),
    path("editions/<slug:slug>/program/sessions/<int:pk>/agenda/", views.toggle_agenda, name="toggle_agenda"),
    path("editions/<slug:slug>/program/agenda/", views.my_agenda, name="agenda"),
    path("editions/<slug:slug>/program/agenda/<int:user_id>.ics", views.agenda_ics, name="agenda_ics"),
    path("editions/<slug:slug>/program/tracks/<slug:code>.ics", views.track_ics, name="track_ics"),
    path("editions/<slug:slug>/program/timetable/", views.timetable, name="timetable"),
    path("editions/<slug:slug>/program/timetable/new/", views.session_create, name="session_create"),
    path("editions/<slug:slug>/program/timetable/<int:pk>/edit/", views.session_edit, name="session_edit"),
]
