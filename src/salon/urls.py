from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from salon.api import api

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("api/docs", RedirectView.as_view(url="/api/v1/docs", permanent=False)),
    path("api/openapi.json", RedirectView.as_view(url="/api/v1/openapi.json", permanent=False)),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("salon.editions.urls")),
    path("", include("salon.exhibitors.urls")),
    path("", include("salon.access.urls")),
    path("", include("salon.program.urls")),
    path("", include("salon.delegations.urls")),
    path("", include("salon.accreditation.urls")),
    path("", include("salon.matchmaking.urls")),
    path("", include("salon.analytics.urls")),
]
