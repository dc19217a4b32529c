-- expert publishes who may take review work now (active and verified, DOMAIN §8) with their specializations as the
-- inbox's routing compares them (trimmed, lower case). The inbox's claim reads it inside its one statement, so a
-- claim is one round trip instead of a profile load and a claim (DD015). Works on the original's VARCHAR[] too.
CREATE VIEW eligible_experts AS
SELECT p.id AS expert_id, p.user_id,
       ARRAY(SELECT DISTINCT lower(btrim(s)) FROM unnest(p.specializations) s)::text[] AS specializations
FROM expert_profiles p
WHERE p.is_active AND p.is_verified;
