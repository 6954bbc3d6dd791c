from django.urls import path

from salon.exhibitors import views

app_name = "exhibitors"

urlpatterns = [
    path("editions/<slug:slug>/exhibitors/", views.exhibitor_list, name="list"),
    path("editions/<slug:slug>/exhibitors/<int:pk>/", views.exhibitor_detail, name="detail"),
    path("editions/<slug:slug>/exhibitors/<int:pk>/stand/", views.allocate_stand, name="allocate_stand"),
    path(
        "editions/<slug:slug>/exhibitors/<int:pk>/stand/release/", views.release_stand, name="release_stand"
    ),
    path("editions/<slug:slug>/authorizations/", views.authorization_queue, name="authorizations"),
    path("editions/<slug:slug>/authorizations/<int:pk>/", views.decide_authorization, name="decide"),
    path("my/companies/", views.my_companies, name="my_companies"),
    path("my/companies/new/", views.company_create, name="company_create"),
    path("my/companies/<int:pk>/", views.company_detail, name="company"),
    path("my/companies/<int:pk>/edit/", views.company_edit, name="company_edit"),
    path("my/companies/<int:pk>/products/", views.product_add, name="product_add"),
    path("my/companies/<int:pk>/contacts/", views.contact_add, name="contact_add"),
    path("my/companies/<int:pk>/apply/", views.apply, name="apply"),
    path("my/applications/<int:pk>/submit/", views.application_submit, name="submit"),
]
