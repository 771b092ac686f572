-- API tokens may also file requests (scope requests:write): a creditor organisation's system files
-- enforcement requests, and the other procedures, in the account's name through
-- POST /api/v1/creditor/requests. The request is written under the account's claims, as when it
-- files from its pages; the scope list is the domain's TOKEN_SCOPES.
alter table public.api_tokens drop constraint api_tokens_scopes_check;
alter table public.api_tokens add constraint api_tokens_scopes_check
  check (cardinality(scopes) between 1 and 3 and scopes <@ array['cases:read', 'requests:read', 'requests:write']);
