from django.urls import path

from salon.editions import views

urlpatterns = [
    path("", views.home, name="home"),
]
