"""Filters for the admissions admin pages: people by name, times once with their zone."""

from django import template

from admissions import display

register = template.Library()

register.filter("staff_name", display.staff_name)
register.filter("local_time", display.local_time)
register.filter("ago", display.ago)
register.filter("local_time_and_age", display.local_time_and_age)
register.filter("duration_words", display.duration_words)
