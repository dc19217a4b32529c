DROP VIEW IF EXISTS eligible_experts;
