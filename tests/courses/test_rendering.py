from courses.rendering import render_markdown, runnable_blocks


def test_scripts_and_event_handlers_are_stripped_from_markdown():
    html, _ = render_markdown('Hola <script>alert("x")</script> <img src="x.png" onerror="alert(1)">\n\n'
                              '[enlace](javascript:alert(1))')
    assert "<script" not in html and "alert(" not in html.replace("&quot;", "")
    assert "onerror" not in html and "javascript:" not in html


def test_runnable_blocks_are_marked_and_extracted():
    text = "Texto\n\n```python run\nprint(1)\n```\n\n```python\nprint(2)\n```\n"
    html, _ = render_markdown(text)
    assert html.count('class="runnable') == 1
    assert runnable_blocks(text) == ["print(1)\n"]


def test_headings_build_a_table_of_contents_and_tables_render():
    html, toc = render_markdown("## Primero\n\n### Detalle\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert 'href="#primero"' in toc and 'href="#detalle"' in toc
    assert "<table>" in html


def test_admonitions_and_highlighting():
    html, _ = render_markdown('!!! warning "Cuidado"\n    Texto\n\n```python\nx = 1\n```\n')
    assert 'class="admonition warning"' in html
    assert 'class="highlight"' in html


def test_quiz_texts_show_backticked_names_as_code_and_escape_the_rest():
    from courses.templatetags.courses_extras import inline_code

    assert inline_code("usa `x.grad` y <b>no</b>") == "usa <code>x.grad</code> y &lt;b&gt;no&lt;/b&gt;"
