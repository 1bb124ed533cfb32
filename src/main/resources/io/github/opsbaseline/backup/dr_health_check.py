# DR health check of ops-baseline: inlined into the Lambda function by DrHealthCheck.java.
# Checks the newest recovery point per protected resource, the last backup and copy jobs and the
# health URLs; publishes a report to the info topic and DrHealthy (1 or 0) to CloudWatch.
import datetime
import json
import os
import urllib.request

import boto3

backup = boto3.client("backup")
sns = boto3.client("sns")
cloudwatch = boto3.client("cloudwatch")

FAILED_JOB_STATES = ("FAILED", "ABORTED", "EXPIRED")
# A usable recovery point: the API reports COMPLETED or AVAILABLE (older points may carry no status).
USABLE_POINT_STATES = ("COMPLETED", "AVAILABLE", None)
# A resource the environment does not list (one a tag selected) with no point for this long was taken
# out of the plan: its old points stay in the locked vault for years and would fail the check for good.
RETIRED_AFTER_HOURS = 7 * 24
# Slack shows a custom notification's description in one block; longer reports are cut there (the
# email carries every line).
CHAT_DESCRIPTION_LIMIT = 3000


def settings():
    return {
        "vault": os.environ["VAULT_NAME"],
        "dr_vault_arn": os.environ.get("DR_VAULT_ARN", ""),
        "resources": json.loads(os.environ.get("PROTECTED_ARNS", "[]")),
        "urls": json.loads(os.environ.get("HEALTH_URLS", "[]")),
        "max_age_hours": float(os.environ["MAX_RECOVERY_POINT_AGE_HOURS"]),
        "topic": os.environ["REPORT_TOPIC_ARN"],
        "namespace": os.environ["METRIC_NAMESPACE"],
        "environment": os.environ["ENVIRONMENT"],
    }


def newest_points(vault):
    """Newest completed recovery point per resource ARN in the vault."""
    newest = {}
    for page in backup.get_paginator("list_recovery_points_by_backup_vault").paginate(BackupVaultName=vault):
        for point in page["RecoveryPoints"]:
            if point.get("Status") not in USABLE_POINT_STATES:
                continue
            arn = point["ResourceArn"]
            created = point["CreationDate"]
            if arn not in newest or created > newest[arn]:
                newest[arn] = created
    return newest


def check_recovery_points(cfg, now, problems, lines):
    newest = newest_points(cfg["vault"])
    listed = set(cfg["resources"])
    for arn in sorted(listed | set(newest)):
        created = newest.get(arn)
        if created is None:
            problems.append("no recovery point for " + arn)
            continue
        age = (now - created).total_seconds() / 3600
        if arn not in listed and age > RETIRED_AFTER_HOURS:
            lines.append("%s: newest recovery point %.1f h old; not listed and not backed up for %d days,"
                         " so no longer protected" % (arn, age, RETIRED_AFTER_HOURS // 24))
            continue
        lines.append("%s: newest recovery point %.1f h old" % (arn, age))
        if age > cfg["max_age_hours"]:
            problems.append("%s: newest recovery point is %.1f h old (limit %.0f h)" % (arn, age, cfg["max_age_hours"]))


def every(operation, key, **filters):
    """All items of a paged Backup listing: a day of jobs can pass one page."""
    return [item for page in backup.get_paginator(operation).paginate(**filters) for item in page.get(key, [])]


def check_jobs(cfg, since, problems, lines):
    jobs = every("list_backup_jobs", "BackupJobs", ByBackupVaultName=cfg["vault"], ByCreatedAfter=since)
    failed = [j for j in jobs if j.get("State") in FAILED_JOB_STATES]
    lines.append("backup jobs in the last day: %d, failed: %d" % (len(jobs), len(failed)))
    for j in failed:
        problems.append("backup job %s for %s: %s" % (j.get("BackupJobId"), j.get("ResourceArn"), j.get("State")))
    if cfg["dr_vault_arn"]:
        copies = every("list_copy_jobs", "CopyJobs", ByDestinationVaultArn=cfg["dr_vault_arn"], ByCreatedAfter=since)
        failed = [c for c in copies if c.get("State") in FAILED_JOB_STATES]
        lines.append("copy jobs to the DR vault in the last day: %d, failed: %d" % (len(copies), len(failed)))
        for c in failed:
            problems.append("copy job %s for %s: %s" % (c.get("CopyJobId"), c.get("ResourceArn"), c.get("State")))


def check_urls(cfg, problems, lines):
    for url in cfg["urls"]:
        try:
            with urllib.request.urlopen(urllib.request.Request(url, method="GET"), timeout=5) as response:
                status = response.status
        except Exception as error:  # any failure to answer is a failed check
            problems.append("%s: %s" % (url, error))
            continue
        lines.append("%s: HTTP %d" % (url, status))
        if status >= 400:
            problems.append("%s: HTTP %d" % (url, status))


def message(report):
    """The report per protocol: AWS Chatbot's custom-notification format by default (Chatbot drops plain
    text, and Slack is all the info topic has by default), the text for email, the first line for SMS."""
    text = "\n".join(report)
    description = "\n".join(report[1:]) or report[0]
    if len(description) > CHAT_DESCRIPTION_LIMIT:
        cut = "\n... (cut here; the email report has every line)"
        description = description[:CHAT_DESCRIPTION_LIMIT - len(cut)] + cut
    chat = {"version": "1.0", "source": "custom",
            "content": {"textType": "client-markdown", "title": report[0], "description": description}}
    return json.dumps({"default": json.dumps(chat), "email": text, "sms": report[0]})


def handler(event, context):
    cfg = settings()
    now = datetime.datetime.now(datetime.timezone.utc)
    problems, lines = [], []
    for check in (lambda: check_recovery_points(cfg, now, problems, lines),
                  lambda: check_jobs(cfg, now - datetime.timedelta(days=1), problems, lines),
                  lambda: check_urls(cfg, problems, lines)):
        try:
            check()
        except Exception as error:  # a check that cannot run is a failed check
            problems.append("check failed to run: %s" % error)
    healthy = not problems
    cloudwatch.put_metric_data(Namespace=cfg["namespace"], MetricData=[{
        "MetricName": "DrHealthy", "Dimensions": [{"Name": "Environment", "Value": cfg["environment"]}],
        "Value": 1 if healthy else 0, "Unit": "Count"}])
    report = ["DR health of %s: %s" % (cfg["environment"], "OK" if healthy else "FAILED")]
    report += ["PROBLEM: " + p for p in problems] + lines
    sns.publish(TopicArn=cfg["topic"], Subject=report[0][:100], MessageStructure="json", Message=message(report))
    return {"healthy": healthy, "problems": problems}
