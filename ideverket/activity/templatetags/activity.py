from django import template

from ideverket.activity.describe import describe

register = template.Library()


@register.simple_tag
def describe_event(event):
    """The sentence for one timeline event, e.g. "Lena Ledare beslutade: Testa"."""
    return describe(event)
