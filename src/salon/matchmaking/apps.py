from django.apps import AppConfig


class MatchmakingConfig(AppConfig):
    name = "salon.matchmaking"
    label = "matchmaking"
    demo_loader = "salon.matchmaking.demo.load_demo"
