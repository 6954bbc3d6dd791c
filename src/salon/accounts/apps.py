from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "salon.accounts"
    label = "accounts"
