from wagtail.admin.forms import WagtailAdminPageForm


class NewsArticleForm(WagtailAdminPageForm):
    """An article's edit form: a draft may be saved half done, but one sent for approval or
    published needs text or a picture (`NewsArticlePage.NOTHING_TO_READ`)."""

    def clean(self):
        cleaned_data = super().clean()
        deferred = self.is_deferred_validation  # "Save draft": required fields are deferred too
        if not deferred and not cleaned_data.get("body") and not cleaned_data.get("lead_image"):
            self.add_error(None, self.instance.NOTHING_TO_READ)
        return cleaned_data
