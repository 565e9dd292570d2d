"""Who may manage API tokens: every active person their own, nobody anyone else's."""

import rules


@rules.predicate
def is_token_owner(user, token):
    return token is not None and token.user_id == user.pk


rules.add_perm("api.create_token", rules.is_active & rules.is_authenticated)
rules.add_perm("api.revoke_token", rules.is_active & is_token_owner)
