-- The executor check of 20261204000100 (app_private.is_case_unit_executor) is called by the case
-- service as the signed-in user; 20261204000300 revoked every function grant and granted back an
-- allow-list written before it existed. It answers only about cases the caller may act on.
grant execute on function app_private.is_case_unit_executor(uuid, uuid) to authenticated;
