"""The demo's cross-department projects, played through the project actions.

A mixin for `DemoBuilder`: `schedule_projects()` queues every dated event in
`projects_data.PROJECTS` as a step, so the projects grow alongside the ideas they link to.
"""

import random
from datetime import timedelta

from ideverket.effects.models import Effect
from ideverket.lessons.actions import do_record_lesson
from ideverket.projects.actions import (
    do_add_member,
    do_add_milestone,
    do_ask_to_join,
    do_create_project,
    do_decide_gate,
    do_decide_join_request,
    do_edit_project,
    do_invite_unit,
    do_link_idea,
    do_report_status,
    do_respond_to_invitation,
    do_set_looking_for_partners,
    do_update_milestone,
)
from ideverket.projects.models import (
    GateDecision,
    JoinRequest,
    Project,
    ProjectMilestone,
    ProjectUnit,
)

from . import projects_data


class ProjectsMixin:
    def schedule_projects(self):
        for spec in projects_data.PROJECTS:
            self.rng = random.Random(f"{self.seed}:project:{spec['key']}")
            created = self.office_day(spec["created"])
            self.add_step(created, lambda spec=spec: self.create_project(spec))
            # One office-hours moment per day; the day's events follow each other from there.
            days, seen = {}, {}
            for position, (ago, what, details) in enumerate(spec["events"]):
                if ago not in days:
                    days[ago] = self.office_day(ago)
                seen[ago] = seen.get(ago, -1) + 1
                when = days[ago] + timedelta(minutes=12 * seen[ago])
                when = max(when, created + timedelta(minutes=10 + position))
                if what == "link":
                    when = self.link_moment(details[0], when)
                    if when is None:
                        continue
                self.add_step(
                    when,
                    lambda spec=spec, what=what, details=details: self.project_event(
                        spec, what, details
                    ),
                )

    def office_day(self, ago):
        """Office hours on the weekday nearest `ago` days ago (a weekend moves by a day)."""
        return self.at_hour(
            self.days_ago(ago),
            self.days_ago(ago + 2),
            min(self.days_ago(ago - 2), self.real_now - timedelta(hours=2)),
        )

    def link_moment(self, idea_key, when):
        """An idea is linked once it has been submitted; None when it never is."""
        plan = self.plan_by_key.get(idea_key)
        if plan is None or plan.t_submit is None:
            return None
        when = max(when, plan.t_submit + timedelta(days=1))
        return when if when < self.real_now - timedelta(hours=1) else None

    def project(self, spec):
        return Project.objects.select_related("lead_unit").get(pk=self.projects[spec["key"]])

    def create_project(self, spec):
        project = do_create_project(
            self.person(spec["creator"]),
            title=spec["title"],
            purpose=spec["purpose"],
            description=spec["description"],
            lead_unit=self.units[spec["lead"]],
            leader=self.person(spec["leader"]),
            step=spec["step"],
            starts_on=self.today - timedelta(days=spec["created"]),
            ends_on=self.today + timedelta(days=spec["ends_in"]),
            budget_kronor=spec["budget_kronor"],
            budget_hours=spec["budget_hours"],
            challenges=[self.challenges[key] for key in spec["challenges"]],
        )
        self.projects[spec["key"]] = project.pk

    def project_event(self, spec, what, details):
        project = self.project(spec)
        handler = getattr(self, f"project_{what}")
        handler(project, *details)

    def project_invite(self, project, unit_key, partner, by, message):
        do_invite_unit(
            self.person(by), project, self.units[unit_key], as_partner=partner, message=message
        )

    def project_answer(self, project, unit_key, by, accept):
        invitation = ProjectUnit.objects.select_related("project", "unit").get(
            project=project, unit=self.units[unit_key]
        )
        do_respond_to_invitation(self.person(by), invitation, accept=accept)

    def project_member(self, project, name, role, by):
        do_add_member(self.person(by), project, self.person(name), role)

    def project_join(self, project, name, message):
        do_ask_to_join(self.person(name), project, message)

    def project_accept(self, project, name, by):
        request = JoinRequest.objects.get(
            project=project, user=self.person(name), status=JoinRequest.Status.PENDING
        )
        do_decide_join_request(self.person(by), request, accept=True)

    def project_gate(self, project, gate, outcome, by, reason, commitment):
        seen = (
            GateDecision.objects.filter(project=project)
            .order_by("-pk")
            .values_list("pk", flat=True)
            .first()
        )
        promised = None
        if commitment is not None:
            promised = {
                "receiving_unit": self.units[commitment["unit"]],
                "owner": self.person(commitment["owner"]),
                "hours": commitment["hours"],
                "kronor": commitment["kronor"],
                "until": project.ends_on,
                "success_criteria": commitment["criteria"],
            }
        do_decide_gate(
            self.person(by),
            project,
            gate=gate,
            outcome=outcome,
            reason=reason,
            seen_gate_id=seen or 0,
            commitment=promised,
        )

    def project_report(self, project, health, by, text):
        do_report_status(self.person(by), project, health=health, text=text)

    def project_milestone(self, project, title, due_in, by):
        do_add_milestone(
            self.person(by),
            project,
            title=title,
            due_on=project.starts_on + timedelta(days=due_in),
            progress=0,
        )

    def project_progress(self, project, title, percent, by):
        milestone = ProjectMilestone.objects.select_related("project__lead_unit").get(
            project=project, title=title
        )
        do_update_milestone(
            self.person(by),
            milestone,
            title=milestone.title,
            due_on=milestone.due_on,
            progress=percent,
        )

    def project_step(self, project, step, by):
        do_edit_project(self.person(by), project, step=step)

    def project_link(self, project, idea_key, by):
        do_link_idea(self.person(by), project, self.plan_by_key[idea_key].idea)

    def project_partners(self, project, by, note):
        do_set_looking_for_partners(self.person(by), project, looking=True, note=note)

    def project_effect(self, project, spec, by):
        self.add_effects(self.person(by), project, [spec])

    def project_measure(self, project, description, value, by, note):
        effect = Effect.objects.for_subject(project).get(description=description)
        self.measure(self.person(by), effect, {"measured": [value], "notes": [note]}, 0)

    def project_lesson(self, project, title, outcome, by, text):
        do_record_lesson(
            self.person(by), subject=project, title=title, text=text, unit=None, outcome=outcome
        )
