"""The shapes the API reads and writes. Filters are declared fields: nothing reaches the ORM
as a keyword argument the client chose."""

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from ninja import Field, Schema

from ideverket.challenges.models import Challenge
from ideverket.effects.models import Effect
from ideverket.goals.models import Goal
from ideverket.ideas.process import Stage
from ideverket.projects.models import Project
from ideverket.trials.models import Trial

MAX_LIMIT = 100
DEFAULT_LIMIT = 25
MAX_OFFSET = 1_000_000
MAX_ID = 2_147_483_647  # the largest id both databases hold; larger ones are simply missing

StageValue = Literal[tuple(Stage.values)]
ProjectStatus = Literal[tuple(Project.Status.values)]
TrialStatus = Literal[tuple(Trial.Status.values)]
EffectKind = Literal[tuple(Effect.Kind.values)]
GoalLevel = Literal[tuple(Goal.Level.values)]
ChallengeStep = Literal[tuple(Challenge.Step.values)]
IdRef = Field(None, ge=1, le=MAX_ID)


class PageParams(Schema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Högst 100.")
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class ChallengeFilters(PageParams):
    unit: int | None = Field(None, ge=1, le=MAX_ID, description="Ägande enhet och enheter under.")
    open: bool | None = Field(None, description="Bara öppna (true) eller stängda (false).")
    q: str | None = Field(None, max_length=200, description="Fritextsökning.")


class IdeaFilters(PageParams):
    stage: StageValue | None = None
    unit: int | None = Field(None, ge=1, le=MAX_ID, description="Berörd enhet och enheter under.")
    challenge: int | None = Field(None, ge=1, le=MAX_ID)
    q: str | None = Field(None, max_length=200, description="Fritextsökning.")


class TrialFilters(PageParams):
    status: TrialStatus | None = None
    idea: int | None = Field(None, ge=1, le=MAX_ID)


class ProjectFilters(PageParams):
    status: ProjectStatus | None = None
    unit: int | None = Field(None, ge=1, le=MAX_ID, description="Ledande enhet och enheter under.")


class EffectFilters(PageParams):
    kind: EffectKind | None = None
    unit: int | None = Field(None, ge=1, le=MAX_ID, description="Enhet där nyttan uppstår.")


class GoalFilters(PageParams):
    period: int | None = Field(None, ge=1, le=MAX_ID)
    level: GoalLevel | None = None


class UnitOut(Schema):
    id: int
    name: str


class ChallengeOut(Schema):
    id: int
    title: str
    question: str
    owner_unit: UnitOut
    step: str
    open_until: date | None
    is_open: bool
    themes: list[str]
    created_at: datetime
    url: str


class ChallengeDetail(ChallengeOut):
    background: str
    needs: str


class IdeaOut(Schema):
    id: int
    title: str
    stage: str
    stage_label: str
    visibility: str
    owner_unit: UnitOut
    challenge_id: int | None
    support_count: int
    comment_count: int
    created_at: datetime
    submitted_at: datetime | None
    url: str


class IdeaDetail(IdeaOut):
    problem: str
    proposal: str
    benefit: str


class TrialOut(Schema):
    id: int
    idea_id: int
    idea_title: str
    status: str
    owner: str | None
    starts_on: date | None
    ends_on: date | None
    url: str


class TrialDetail(TrialOut):
    hypothesis: str
    plan: str
    summary: str


class ProjectOut(Schema):
    id: int
    title: str
    status: str
    visibility: str
    lead_unit: UnitOut
    starts_on: date | None
    ends_on: date | None
    url: str


class ProjectDetail(ProjectOut):
    purpose: str
    description: str


class EffectOut(Schema):
    id: int
    subject_type: str
    subject_id: int
    kind: str
    kind_label: str
    unit: UnitOut
    description: str
    indicator: str
    baseline: Decimal | None
    target: Decimal | None


class GoalOut(Schema):
    id: int
    period: str
    period_id: int
    level: str
    reference: str
    title: str
    owner_unit: UnitOut | None
    parent_id: int | None
    is_active: bool
    url: str


class GoalDetail(GoalOut):
    description: str


def page_of(item_schema):
    """The paginated envelope of a list: the total and one page of items."""
    return type(
        f"{item_schema.__name__}Page",
        (Schema,),
        {"__annotations__": {"count": int, "items": list[item_schema]}},
    )


class IdeaIn(Schema):
    title: str = Field(..., min_length=1, max_length=150)
    problem: str = Field(..., min_length=1, max_length=5000)
    proposal: str = Field(..., min_length=1, max_length=5000)
    benefit: str = Field("", max_length=5000)
    owner_unit_id: int = Field(..., ge=1, le=MAX_ID, description="Vilken enhet berör idén?")
    challenge_id: int | None = Field(None, ge=1, le=MAX_ID)
    visibility: Literal["open", "restricted"] = "open"
    submit: bool = Field(True, description="false sparar ett utkast.")


class CommentIn(Schema):
    body: str = Field(..., min_length=1, max_length=3000)


class CommentOut(Schema):
    id: int
    idea_id: int
    author: str
    body: str
    created_at: datetime


class ErrorOut(Schema):
    detail: str


class FieldError(Schema):
    loc: list[str | int]
    msg: str
    type: str


class ValidationErrorOut(Schema):
    detail: list[FieldError]
