"""`{% fragment_cache "name" [vary ...] %}...{% endfragment_cache %}`: a part of the page that is
the same on every page of a language (e.g. the footer), cached until the next content change
(home.cache). No forms inside: a CSRF token would be shared."""

from django import template

from home.cache import cached_fragment

register = template.Library()


class FragmentCacheNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        if request is None:
            return self.nodelist.render(context)
        parts = [str(var.resolve(context)) for var in self.vary_on]
        return cached_fragment(request, str(self.name.resolve(context)), lambda: self.nodelist.render(context), *parts)


@register.tag("fragment_cache")
def do_fragment_cache(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs a fragment name.")
    nodelist = parser.parse(("endfragment_cache",))
    parser.delete_first_token()
    return FragmentCacheNode(nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]])
