from django.urls import path

from salon.accreditation import views

app_name = "accreditation"

urlpatterns = [
    path("editions/<slug:slug>/register/", views.registration_create, name="register"),
    path("my/registrations/", views.my_registrations, name="my_registrations"),
    path("my/registrations/<int:pk>/", views.registration_detail, name="registration"),
    path("editions/<slug:slug>/vetting/", views.vetting_queue, name="queue"),
    path("editions/<slug:slug>/vetting/<int:pk>/", views.vetting_review, name="review"),
    path("editions/<slug:slug>/vetting/import/", views.group_import, name="import"),
    path("editions/<slug:slug>/vetting/settings/", views.vetting_settings_page, name="settings"),
    path("editions/<slug:slug>/watch-lists/", views.watch_lists, name="watch_lists"),
]
