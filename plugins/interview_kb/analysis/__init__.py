"""Pure functions of (notebook, today, options) that return data: follow-ups, drafts,
questions, timeline and funnel, reflections, network, plan, dashboard figures, the
guide's public view. Nothing here renders.
"""
