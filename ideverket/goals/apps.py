from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GoalsConfig(AppConfig):
    name = "ideverket.goals"
    label = "goals"
    verbose_name = _("Mål")

    def ready(self):
        from . import links

        links.register_defaults()
        self._register_describers()
        self._register_panels()

    def _register_describers(self):
        """Goal events, and goal links on the items' own timelines (their describers wrapped)."""
        from ideverket.activity.describe import register
        from ideverket.ideas.describe import describe_idea_event
        from ideverket.projects.describe import describe_project_event
        from ideverket.trials.describe import describe_trial_event

        from .describe import (
            describe_goal_event,
            describe_import_event,
            describe_period_event,
            visible_goals,
            with_goal_links,
        )

        register("goals.goal", describe_goal_event, visible_goals)
        register("goals.period", describe_period_event)
        register("goals.goalimport", describe_import_event)
        # visible=None keeps each kind's own visibility lookup.
        register("ideas.idea", with_goal_links(describe_idea_event))
        register("trials.trial", with_goal_links(describe_trial_event))
        register("projects.project", with_goal_links(describe_project_event))
        register("challenges.challenge", with_goal_links())

    def _register_panels(self):
        """A "Mål" section on the pages of ideas, trials, projects and challenges."""
        from ideverket.challenges import panels as challenge_panels
        from ideverket.ideas import panels as idea_panels
        from ideverket.projects import panels as project_panels
        from ideverket.trials import page_panels as trial_panels

        from .views import goals_panel

        for registry, label in (
            (idea_panels, "ideas.idea"),
            (project_panels, "projects.project"),
            (trial_panels, "trials.trial"),
            (challenge_panels, "challenges.challenge"),
        ):
            registry.register(
                idea_panels.Panel(
                    name="goals",
                    template="goals/_panel.html",
                    loader=goals_panel(label),
                    order=50,
                    column="aside",
                )
            )
