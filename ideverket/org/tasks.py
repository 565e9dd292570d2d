"""Background work for the organisation: applying a large import with its progress shown."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from .models import OrgImport


def _fail(org_import_id, errors):
    OrgImport.objects.filter(pk=org_import_id).update(
        status=OrgImport.Status.FAILED, errors=errors, finished_at=timezone.now()
    )


@task()
def run_org_import(org_import_id):
    """Check the stored rows again, then apply them in one transaction (all or nothing).

    Progress is saved while the rows are checked; the saving itself is one transaction, so the
    page shows it as one step (other connections cannot see its rows until it commits).
    """
    from .actions import do_apply_org_import
    from .importer import plan_rows

    org_import = OrgImport.objects.select_related("uploaded_by").get(pk=org_import_id)
    if org_import.status != OrgImport.Status.QUEUED:
        return org_import.status
    actor = org_import.uploaded_by
    if actor is None or not actor.is_org_admin:
        _fail(
            org_import_id,
            [{"row": 0, "column": "", "file": "", "message": _("Behörighet saknas.")}],
        )
        return OrgImport.Status.FAILED

    def progress(done, total):
        OrgImport.objects.filter(pk=org_import_id).update(
            status=OrgImport.Status.CHECKING, progress_done=done, progress_total=total
        )

    try:
        plan = plan_rows(
            org_import.rows,
            full=org_import.full,
            actor=actor,
            ignored=org_import.ignored_columns,
            progress=progress,
        )
        if plan.errors:
            _fail(org_import_id, [e.as_dict() for e in plan.errors])
            return OrgImport.Status.FAILED
        if plan.summary() != org_import.summary:
            message = _(
                "Organisationen har ändrats sedan förhandsgranskningen. "
                "Ladda upp filerna igen och granska."
            )
            _fail(org_import_id, [{"row": 0, "column": "", "file": "", "message": message}])
            return OrgImport.Status.FAILED
        OrgImport.objects.filter(pk=org_import_id).update(status=OrgImport.Status.SAVING)
        do_apply_org_import(actor, plan, org_import=org_import)
    except (ValidationError, PermissionDenied) as exc:
        messages = getattr(exc, "messages", None) or [_("Behörighet saknas.")]
        _fail(
            org_import_id,
            [{"row": 0, "column": "", "file": "", "message": " ".join(messages)}],
        )
        return OrgImport.Status.FAILED
    except Exception:
        _fail(
            org_import_id,
            [
                {
                    "row": 0,
                    "column": "",
                    "file": "",
                    "message": _("Importen avbröts av ett oväntat fel. Inget har sparats."),
                }
            ],
        )
        raise
    OrgImport.objects.filter(pk=org_import_id).update(
        status=OrgImport.Status.DONE,
        progress_done=org_import.progress_total,
        finished_at=timezone.now(),
    )
    return OrgImport.Status.DONE
