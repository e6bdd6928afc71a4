from django.template import Context, Template


def render(source, **context):
    return Template("{% load typography %}" + source).render(Context(context))


def test_a_figure_keeps_its_digit_groups_together():
    text = render("{{ value|keep_figures_together }}", value="fast 26 000 von 1 250 000")
    assert text == "fast 26\N{NO-BREAK SPACE}000 von 1\N{NO-BREAK SPACE}250\N{NO-BREAK SPACE}000"
    assert render("{{ value|keep_figures_together }}", value="almost 26,000 in 2 years") == "almost 26,000 in 2 years"


def test_a_title_may_wrap_after_its_slash_and_stays_escaped():
    html = render("{{ value|break_after_slashes }}", value="Verkehrstechnik/Automotive <b>")
    assert html == "Verkehrstechnik/<wbr>Automotive &lt;b&gt;"
