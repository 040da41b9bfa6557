"""Partner Workshop started as ``partner-workshop demo`` does, headless; exits once the
workshop screen (with its phase view) has been painted.

``PARTNER_WORKSHOP_HOME`` must point at a scratch folder (the demo is copied there).
Prints nothing; the caller times the whole process.
"""

import sys
from pathlib import Path

from workshop.gc_policy import tune_garbage_collector

tune_garbage_collector()  # as the command line does, first

from session_store import demo_copy  # noqa: E402
import workshop.app  # noqa: E402
from workshop.app import PartnerWorkshopApp  # noqa: E402


class FirstPaint(PartnerWorkshopApp):
    # Textual resolves a relative CSS_PATH against the subclass's file; name the real one.
    CSS_PATH = [str(Path(workshop.app.__file__).resolve().parent.parent / "screens" / "app.tcss")]

    def on_mount(self) -> None:
        # Textual also runs PartnerWorkshopApp.on_mount (handlers run for every class in the
        # MRO), so this must not call super().on_mount() or the screens are pushed twice.
        self._check_painted()

    def _check_painted(self) -> None:
        from screens.workshop import WorkshopScreen  # already imported by then: costs nothing

        screen = self.screen
        if isinstance(screen, WorkshopScreen) and screen.is_mounted and screen.current_view is not None:
            self.call_after_refresh(self.exit)
        elif self.session is None and len(self.screen_stack) > 1 and not isinstance(screen, WorkshopScreen):
            # the session could not be opened (a dialog or the home screen is showing)
            self.call_after_refresh(lambda: self.exit(return_code=3))
        else:
            self.set_timer(0.002, self._check_painted)


if __name__ == "__main__":
    app = FirstPaint(session_path=demo_copy())
    app.run(headless=True, size=(120, 36))
    sys.exit(app.return_code or 0)
