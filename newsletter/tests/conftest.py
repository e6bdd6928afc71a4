import pytest


@pytest.fixture
def client(client, django_capture_on_commit_callbacks):
    """A test client whose requests end as a real one does: its changes committed, so the e-mails
    queued on commit (`newsletter.tasks`) have gone out – through Django's immediate task backend –
    when the test looks. (Each test runs in one transaction that is never committed.)"""
    request = client.request

    def committed_request(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return request(**kwargs)

    client.request = committed_request
    return client
