from captcha.models import CaptchaStore
from django.core.management.base import BaseCommand
from django.utils import timezone

from accounts.throttle import actions as throttle


class Command(BaseCommand):
    help = (
        "Hapus hitungan pembatas (gagal masuk, pencarian pelacak) yang sudah lewat jendelanya "
        "dan captcha yang kedaluwarsa. Aman dijalankan kapan saja; untuk cron harian."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        counts = throttle.prune(now)
        # Unsolved captchas stay behind when a login page is left; they expire after CAPTCHA_TIMEOUT.
        captchas, _ = CaptchaStore.objects.filter(expiration__lte=now).delete()
        self.stdout.write(f"{counts} hitungan pembatas dan {captchas} captcha kedaluwarsa dihapus.")
