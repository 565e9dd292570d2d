from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """People come from the organisation (admin UI, import, SSO); nobody signs themselves up."""

    def is_open_for_signup(self, request):
        return False
