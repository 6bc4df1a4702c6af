// title: Partners named under more than one outcome
// answers: Which partners does the framework name for two or more outcomes, either in an outcome's
// answers: partnerships text, for one of its outputs, or for one of its indicators in the results matrix?
// (The one-or-two-step pattern follows Outcome-PARTNERS_WITH->Partner,
// Outcome-HAS_OUTPUT->Output-PARTNERS_WITH->Partner and
// Outcome-HAS_INDICATOR->Indicator-INVOLVES_PARTNER->Partner; no other path fits those types.)
MATCH (o:Outcome)-[:PARTNERS_WITH|HAS_OUTPUT|HAS_INDICATOR|INVOLVES_PARTNER*1..2]->(p:Partner)
WITH p, o ORDER BY o.id
WITH p, collect(DISTINCT o.id) AS outcomes
WHERE size(outcomes) > 1
RETURN p.framework AS framework, p.id AS partner, p.name AS name, p.type AS type, size(outcomes) AS n_outcomes,
       outcomes
ORDER BY framework, n_outcomes DESC, partner
