"""Salon: one system to run a defense & security trade show."""
