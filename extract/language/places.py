"""A gazetteer of UK council areas and cities, for a paper's ``place``.

Community safety partnerships follow council boundaries, so the council areas of England,
Wales, Scotland and Northern Ireland (cities, unitary authorities, counties and the larger
districts) cover the papers' places. Names are as councils write them.
"""
from __future__ import annotations

import re
from collections import Counter

PLACES = """
Aberdeen Aberdeenshire Adur Allerdale Amber Valley Angus Antrim Argyll Arun Ashfield Ashford Aylesbury
Barking Barnet Barnsley Barrow Basildon Basingstoke Bassetlaw Bath Bedford Belfast Bexley Birmingham
Blaby Blackburn Blackpool Bolsover Bolton Boston Bournemouth Bracknell Bradford Braintree Breckland
Brent Brentwood Bridgend Brighton Bristol Broadland Bromley Bromsgrove Broxbourne Broxtowe Buckinghamshire
Burnley Bury Caerphilly Calderdale Cambridge Cambridgeshire Camden Cannock Canterbury Cardiff Carlisle
Carmarthenshire Castle Point Ceredigion Charnwood Chelmsford Cheltenham Cherwell Cheshire Chesterfield Chichester
Chorley Colchester Conwy Copeland Cornwall Coventry Crawley Croydon Cumbria Darlington Dartford Denbighshire
Derby Derbyshire Devon Doncaster Dorset Dover Dudley Dundee Durham Ealing Eastbourne Eastleigh Edinburgh
Enfield Epping Forest Essex Exeter Falkirk Fareham Fenland Fife Flintshire Folkestone Gateshead Gedling Glasgow
Gloucester Gloucestershire Gosport Gravesham Great Yarmouth Greenwich Guildford Gwynedd Hackney Halton
Hammersmith Hampshire Haringey Harlow Harrogate Harrow Hartlepool Hastings Havant Havering Hereford Herefordshire
Hertfordshire Hertsmere Highland Hillingdon Hinckley Hounslow Huntingdonshire Hyndburn Inverclyde Ipswich
Isle of Wight Islington Kensington Kent Kettering Kingston Kirklees Knowsley Lambeth Lancashire Lancaster Leeds
Leicester Leicestershire Lewes Lewisham Lichfield Lincoln Lincolnshire Liverpool London Luton Maidstone Manchester
Mansfield Medway Merton Middlesbrough Midlothian Milton Keynes Monmouthshire Newark Newcastle Newham Newport
Norfolk Northampton Northamptonshire Northumberland North Tyneside Norwich Nottingham Nottinghamshire Oldham
Oxford Oxfordshire Pembrokeshire Pendle Perth Peterborough Plymouth Poole Portsmouth Powys Preston Reading
Redbridge Redcar Reigate Renfrewshire Rhondda Richmond Rochdale Rochford Rotherham Rugby Runnymede Rushmoor
Rutland Salford Sandwell Scarborough Sefton Sheffield Shropshire Slough Solihull Somerset Southampton
Southend Southwark St Albans St Helens Stafford Staffordshire Stevenage Stirling Stockport Stockton Stoke
Stratford Suffolk Sunderland Surrey Sutton Swale Swansea Swindon Tameside Tamworth Telford Tendring
Thanet Thurrock Torbay Torfaen Tower Hamlets Trafford Tunbridge Wells Wakefield Walsall Waltham Forest
Wandsworth Warrington Warwick Warwickshire Watford Waverley Wealden Westminster Wigan Wiltshire Winchester
Windsor Wirral Woking Wokingham Wolverhampton Worcester Worcestershire Worthing Wrexham Wychavon Wyre York
"""
_MULTI = ["Amber Valley", "Castle Point", "Epping Forest", "Great Yarmouth", "Isle of Wight", "Milton Keynes",
          "North Tyneside", "St Albans", "St Helens", "Tower Hamlets", "Tunbridge Wells", "Waltham Forest"]


def _names() -> list[str]:
    words = PLACES.split()
    multi_words = {w for name in _MULTI for w in name.split()}
    singles = [w for w in words if w not in multi_words]
    return sorted(set(_MULTI) | set(singles), key=len, reverse=True)


_PLACE_RE = re.compile(r"\b(" + "|".join(re.escape(n) for n in _names()) + r")\b")


def places_in(text: str) -> Counter:
    """How often each known place is named (case-sensitive: 'Reading' the town, not 'reading')."""
    return Counter(m.group(1) for m in _PLACE_RE.finditer(text))


def first_place(text: str) -> str | None:
    m = _PLACE_RE.search(text)
    return m.group(1) if m else None
