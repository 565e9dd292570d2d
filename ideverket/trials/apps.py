from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrialsConfig(AppConfig):
    name = "ideverket.trials"
    label = "trials"
    verbose_name = _("Tester")

    def ready(self):
        from ideverket.activity.describe import register as register_describer
        from ideverket.ideas.panels import Panel
        from ideverket.ideas.panels import register as register_panel

        from .describe import describe_trial_event, visible_trials
        from .panels import load_trials_panel

        register_describer("trials.trial", describe_trial_event, visible_trials)
        self._register_subject_kind()
        register_panel(
            Panel(
                name="trials",
                template="trials/_idea_panel.html",
                loader=load_trials_panel,
                order=10,
                column="main",
            )
        )

    def _register_subject_kind(self):
        """Let effects and lessons attach to trials (ideverket.lib.subjects)."""
        from ideverket.lib import subjects

        from .actions import follower_ids
        from .models import Trial
        from .rules import can_manage_trial

        subjects.register(
            subjects.SubjectKind(
                label="trials.trial",
                model=Trial,
                visible=lambda user: Trial.objects.visible_to(user),
                # The people running it, also after the evaluation: effects are measured later.
                can_edit=lambda user, trial: (
                    user.is_authenticated and can_manage_trial(user, trial)
                ),
                unit_of=lambda trial: trial.idea.owner_unit,
                title=lambda trial: trial.title,
                followers=lambda trial: follower_ids(trial.idea),
            )
        )
