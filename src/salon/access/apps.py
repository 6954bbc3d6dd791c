from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "salon.access"
    label = "access"
    demo_loader = "salon.access.demo.load_demo"

    def ready(self) -> None:
        from salon.access import receivers  # noqa: F401  (connects the signal receivers)
