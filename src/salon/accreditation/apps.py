from django.apps import AppConfig


class AccreditationConfig(AppConfig):
    name = "salon.accreditation"
    label = "accreditation"
    demo_loader = "salon.accreditation.demo.load_demo"
