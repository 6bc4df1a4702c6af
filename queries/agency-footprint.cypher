// title: A UN entity's footprint across frameworks
// answers: In each framework, on which outcomes does each UN entity of the registry work (listed as
// answers: contributing, delivering one of the outcome's outputs, or responsible for one of its
// answers: indicators), for how many indicators
// answers: is it responsible there, and how many SDG targets do those outcomes list? Agencies are joined
// answers: across frameworks through their shared UnEntity node (IS_UN_ENTITY), never by their own ids.
MATCH (u:UnEntity)<-[:IS_UN_ENTITY]-(a:Agency)-[:CONTRIBUTES_TO|RESPONSIBLE_FOR]->(x)
OPTIONAL MATCH (x)<-[:HAS_INDICATOR|HAS_OUTPUT]-(via:Outcome)
WITH u, a, coalesce(via, x) AS o, CASE WHEN x:Indicator THEN x ELSE null END AS i
OPTIONAL MATCH (o)-[:LISTS_TARGET]->(t:SdgTarget)
WITH u, a.framework AS framework, collect(DISTINCT o.id) AS outcomes, collect(DISTINCT i.id) AS indicators,
     collect(DISTINCT t.id) AS targets
RETURN framework, u.id AS agency, u.name AS label, size(outcomes) AS outcomes_count, outcomes,
       size(indicators) AS indicators_count, size(targets) AS targets_count, targets
ORDER BY agency, framework
