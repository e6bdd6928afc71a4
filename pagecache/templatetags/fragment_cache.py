"""`{% fragment_cache "name" [vary ...] [every=SECONDS] [unless=VALUE] %}...{% endfragment_cache %}`:
a part of a page that shows other content than the page's own (navigation, footer, lists of
articles, meetings or companies), cached until the next content change (pagecache.cache). `every`
makes it fresh at least that often, for parts that change with the time of day (upcoming
meetings); `unless` renders it afresh whenever VALUE is true (a form a visitor has filled in).
Never a CSRF token or anything else personal inside.

Values a cached part needs should be computed where it renders (template tags, or lazy
context values such as `core.context.lazy`), so that a cached part costs no query."""

import time

from django import template

from pagecache.cache import cached_fragment

register = template.Library()


class FragmentCacheNode(template.Node):
    def __init__(self, nodelist, name, vary_on, every, unless):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on
        self.every = every
        self.unless = unless

    def render(self, context):
        request = context.get("request")
        if request is None or (self.unless is not None and self.unless.resolve(context)):
            return self.nodelist.render(context)
        parts = [str(var.resolve(context)) for var in self.vary_on]
        if self.every:
            parts.append(f"every-{self.every}-{int(time.time() // self.every)}")
        return cached_fragment(request, str(self.name.resolve(context)), lambda: self.nodelist.render(context), *parts)


@register.tag("fragment_cache")
def do_fragment_cache(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs a fragment name.")
    every, unless = 0, None
    while bits[-1].startswith(("every=", "unless=")):
        name, value = bits.pop().split("=", 1)
        if name == "every":
            every = int(value)
        else:
            unless = parser.compile_filter(value)
    nodelist = parser.parse(("endfragment_cache",))
    parser.delete_first_token()
    vary_on = [parser.compile_filter(b) for b in bits[2:]]
    return FragmentCacheNode(nodelist, parser.compile_filter(bits[1]), vary_on, every, unless)
