from django.apps import AppConfig


class MatchmakingConfig(AppConfig):
    name = "salon.matchmaking"
    label = "matchmaking"
